using System.Globalization;
using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Validation;

/// <summary>Retention, storage, alert receivers and SLO defaults.</summary>
internal static partial class MonitoringRules
{
    /// <param name="grafanaRoles">The access config names groups, so Grafana signs users in itself to give them their roles.</param>
    public static IEnumerable<ConfigProblem> Check(MonitoringConfig monitoring, ValidationContext context, bool grafanaRoles)
    {
        var root = ConfigPath.Root("monitoring");
        if (!monitoring.Enabled)
        {
            // The gate then finds no Alertmanager (no Watchdog) and verify no Prometheus: neither can judge, so every release is refused.
            if (context.Profile is { GatesReleases: true } profile)
            {
                yield return ConfigProblem.Error(root.Key("enabled"), "false",
                    $"turns monitoring off, but {profile.Name} releases are gated by it: deliver gate reads Alertmanager and deliver verify reads Prometheus, so neither could judge and every release would be refused.",
                    $"pulumi config set --path {root.Key("enabled")} true.");
            }
            yield break;
        }
        if (monitoring.RetentionDays < 1)
        {
            yield return ConfigProblem.Error(root.Key("retentionDays"), monitoring.RetentionDays.ToString(CultureInfo.InvariantCulture),
                "must be at least 1 day.", $"pulumi config set --path {root.Key("retentionDays")} 15.");
        }
        if (Bounds.Above(root.Key("retentionDays"), monitoring.RetentionDays, Bounds.RetentionDays, 1, Bounds.RetentionWhy) is { } tooLong)
            yield return tooLong;
        if (ResourceRules.StorageSizeProblem(root.Key("storageSize"), monitoring.StorageSize, "20Gi") is { } size)
            yield return size;
        if (monitoring.GrafanaHost.Length > 0 && !Names.IsDns1123Subdomain(monitoring.GrafanaHost))
        {
            yield return ConfigProblem.Error(root.Key("grafanaHost"), monitoring.GrafanaHost, "is not a DNS host name.",
                $"pulumi config set --path {root.Key("grafanaHost")} grafana.<your domain>.");
        }
        foreach (var problem in GrafanaAccess(monitoring, root, context, grafanaRoles))
            yield return problem;
        var receivers = root.Key("receivers");
        foreach (var (severity, receiver) in new[]
        {
            ("critical", monitoring.Receivers.Critical), ("warning", monitoring.Receivers.Warning),
            ("info", monitoring.Receivers.Info), ("tracker", monitoring.Receivers.Tracker),
        })
        {
            var requiredWhy = severity == "critical" && context.Profile is { RequiresOnCallReceiver: true } profile ? $"in {profile.Name}, so that critical alerts page someone" : null;
            foreach (var problem in ReceiverRules.Check(receivers.Key(severity), receiver, context, requiredWhy))
                yield return problem;
        }
        foreach (var problem in SloRules.Check(root.Key("slo"), monitoring.Slo))
            yield return problem;
    }

    /// <summary>The allowlist's CIDRs and a complete OIDC client, with Grafana's endpoints where it signs users in itself.</summary>
    private static IEnumerable<ConfigProblem> GrafanaAccess(MonitoringConfig monitoring, ConfigPath root, ValidationContext context, bool grafanaRoles)
    {
        var cidrs = root.Key("grafanaAllowedCidrs");
        for (var i = 0; i < monitoring.GrafanaAllowedCidrs.Count; i++)
        {
            var cidr = monitoring.GrafanaAllowedCidrs[i];
            if (!System.Net.IPNetwork.TryParse(cidr, out var network) || network.ToString() != cidr)
            {
                yield return ConfigProblem.Error(cidrs.Index(i), cidr, "must be a client network as CIDR with its network address (203.0.113.0/24).",
                    $"pulumi config set --path '{cidrs.Index(i)}' <cidr>.");
            }
        }
        var oidc = monitoring.GrafanaOidc;
        var oidcPath = root.Key("grafanaOidc");
        // On a laptop Grafana's host is local; elsewhere it faces whoever reaches the Gateway.
        if (monitoring.GrafanaHost.Length > 0 && context.Profile is { ServesPlainHttp: false } && monitoring.GrafanaAllowedCidrs.Count == 0 && !GrafanaAccessPolicy.HasOidc(monitoring))
        {
            yield return ConfigProblem.Warning(root.Key("grafanaHost"), monitoring.GrafanaHost,
                "serves Grafana to anyone who reaches the Gateway, guarded by Grafana's own password form only.",
                $"sign in through your identity provider (pulumi config set --path {oidcPath.Key("issuer")} https://<provider>, with its clientId and clientSecret), or let only your networks in (pulumi config set --path '{cidrs.Index(0)}' <office CIDR>).");
        }
        var signIn = new[] { oidc.AuthorizationUrl, oidc.TokenUrl, oidc.UserinfoUrl };
        if (oidc.Issuer.Length > 0 || oidc.ClientId.Length > 0 || oidc.ClientSecret.IsSet || signIn.Any(url => url.Length > 0) || oidc.Scopes.Count > 0)
        {
            if (!Urls.IsWebUrl(oidc.Issuer, allowHttp: false))
            {
                yield return ConfigProblem.Error(oidcPath.Key("issuer"), oidc.Issuer.Length == 0 ? null : oidc.Issuer, "must be the https issuer URL of the OpenID Connect provider.",
                    $"pulumi config set --path {oidcPath.Key("issuer")} https://<provider>.");
            }
            if (oidc.ClientId.Length == 0)
            {
                yield return ConfigProblem.Error(oidcPath.Key("clientId"), null, "single sign-on needs the client id registered with the provider.",
                    $"pulumi config set --path {oidcPath.Key("clientId")} <client id>.");
            }
            foreach (var problem in SecretRules.Required(oidcPath.Key("clientSecret"), oidc.ClientSecret, context, "client secret", "for single sign-on"))
                yield return problem;
            foreach (var problem in GrafanaSignIn(oidc, oidcPath, required: grafanaRoles && monitoring.GrafanaHost.Length > 0))
                yield return problem;
        }
    }

    /// <summary>
    /// Grafana's generic OAuth needs the provider's endpoints spelled out (it does not discover them
    /// from the issuer); required where access groups make Grafana sign users in, checked wherever given.
    /// </summary>
    private static IEnumerable<ConfigProblem> GrafanaSignIn(OidcConfig oidc, ConfigPath oidcPath, bool required)
    {
        foreach (var (key, url, endpoint) in new[]
        {
            ("authorizationUrl", oidc.AuthorizationUrl, "authorization"), ("tokenUrl", oidc.TokenUrl, "token"), ("userinfoUrl", oidc.UserinfoUrl, "userinfo"),
        })
        {
            if (url.Length == 0 && !required)
                continue;
            if (!Urls.IsWebUrl(url, allowHttp: false))
            {
                var why = url.Length == 0
                    ? $"is needed: access names groups, so Grafana signs users in through the provider to give each their group's role, and Grafana does not discover the {endpoint} endpoint from the issuer."
                    : $"must be the https URL of the provider's {endpoint} endpoint.";
                yield return ConfigProblem.Error(oidcPath.Key(key), url.Length == 0 ? null : url, why,
                    $"copy it from the provider's discovery document (<issuer>/.well-known/openid-configuration): pulumi config set --path {oidcPath.Key(key)} https://<provider>/….");
            }
        }
        if ((required || oidc.JwksUrl.Length > 0) && !Urls.IsWebUrl(oidc.JwksUrl, allowHttp: false))
        {
            var why = oidc.JwksUrl.Length == 0
                ? "is needed: access names groups, so the Gateway lets only those groups through, and checks the ID token's groups claim against the provider's signing keys, which it does not discover from the issuer."
                : "must be the https URL of the provider's signing keys (jwks_uri).";
            yield return ConfigProblem.Error(oidcPath.Key("jwksUrl"), oidc.JwksUrl.Length == 0 ? null : oidc.JwksUrl, why,
                $"copy jwks_uri from the provider's discovery document (<issuer>/.well-known/openid-configuration): pulumi config set --path {oidcPath.Key("jwksUrl")} https://<provider>/….");
        }
        if (oidc.GroupsClaim.Length is 0 or > MaxClaimLength || oidc.GroupsClaim.Any(char.IsControl))
        {
            yield return ConfigProblem.Error(oidcPath.Key("groupsClaim"), oidc.GroupsClaim.Length == 0 ? null : oidc.GroupsClaim,
                $"must name the claim that lists the user's groups (1–{MaxClaimLength} characters, no control characters).",
                $"pulumi config set --path {oidcPath.Key("groupsClaim")} groups.");
        }
        for (var i = 0; i < oidc.Scopes.Count; i++)
        {
            if (!Scope().IsMatch(oidc.Scopes[i]))
            {
                yield return ConfigProblem.Error(oidcPath.Key("scopes").Index(i), oidc.Scopes[i], "is not an OAuth scope (printable characters, no spaces, quotes or backslashes).",
                    $"pulumi config set --path '{oidcPath.Key("scopes").Index(i)}' groups.");
            }
        }
        if (oidc.Scopes.Count > 0 && !oidc.Scopes.Contains("openid"))
        {
            yield return ConfigProblem.Error(oidcPath.Key("scopes"), string.Join(' ', oidc.Scopes), "leaves out openid, so the provider would send no ID token and no groups claim in it.",
                $"add it: pulumi config set --path '{oidcPath.Key("scopes").Index(oidc.Scopes.Count)}' openid.");
        }
    }

    private const int MaxClaimLength = 256;

    /// <summary>RFC 6749 §3.3 scope-token: %x21 / %x23-5B / %x5D-7E.</summary>
    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]+$")]
    private static partial Regex Scope();
}
