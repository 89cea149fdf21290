using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>Retention, storage, alert receivers and SLO defaults.</summary>
internal static class MonitoringRules
{
    public static IEnumerable<ConfigProblem> Check(MonitoringConfig monitoring, ValidationContext context)
    {
        var root = ConfigPath.Root("monitoring");
        if (!monitoring.Enabled)
            yield break;
        if (monitoring.RetentionDays < 1)
        {
            yield return ConfigProblem.Error(root.Key("retentionDays"), monitoring.RetentionDays.ToString(CultureInfo.InvariantCulture),
                "must be at least 1 day.", $"pulumi config set --path {root.Key("retentionDays")} 15.");
        }
        if (Bounds.Above(root.Key("retentionDays"), monitoring.RetentionDays, Bounds.RetentionDays, 1, Bounds.RetentionWhy) is { } tooLong)
            yield return tooLong;
        if (!Quantities.IsValid(monitoring.StorageSize))
        {
            yield return ConfigProblem.Error(root.Key("storageSize"), monitoring.StorageSize, "is not a storage size.",
                $"pulumi config set --path {root.Key("storageSize")} 20Gi.");
        }
        if (monitoring.GrafanaHost.Length > 0 && !Names.IsDns1123Subdomain(monitoring.GrafanaHost))
        {
            yield return ConfigProblem.Error(root.Key("grafanaHost"), monitoring.GrafanaHost, "is not a DNS host name.",
                $"pulumi config set --path {root.Key("grafanaHost")} grafana.<your domain>.");
        }
        foreach (var problem in GrafanaAccess(monitoring, root, context))
            yield return problem;
        var receivers = root.Key("receivers");
        foreach (var (tier, receiver) in new[]
        {
            ("critical", monitoring.Receivers.Critical), ("warning", monitoring.Receivers.Warning),
            ("info", monitoring.Receivers.Info), ("tracker", monitoring.Receivers.Tracker),
        })
        {
            var requiredWhy = tier == "critical" && context.Profile?.RequiresOnCallReceiver == true ? $"in {Tiers.Name(context.Tier!.Value)}, so that critical alerts page someone" : null;
            foreach (var problem in ReceiverRules.Check(receivers.Key(tier), receiver, context, requiredWhy))
                yield return problem;
        }
        foreach (var problem in SloRules.Check(root.Key("slo"), monitoring.Slo))
            yield return problem;
    }

    /// <summary>The allowlist's CIDRs and a complete OIDC client.</summary>
    private static IEnumerable<ConfigProblem> GrafanaAccess(MonitoringConfig monitoring, ConfigPath root, ValidationContext context)
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
        if (oidc.Issuer.Length > 0 || oidc.ClientId.Length > 0 || oidc.ClientSecret.IsSet)
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
        }
    }
}
