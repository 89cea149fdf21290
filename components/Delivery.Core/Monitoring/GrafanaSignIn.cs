using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Grafana's own sign-in through the Gateway's OpenID Connect client (Grafana's generic OAuth),
/// so that each user gets the role of their access group (<see cref="GrafanaRoles"/>), synced at
/// every sign-in, and a user in none of the groups is refused. On where the Gateway signs users in
/// (a host and <c>monitoring.grafanaOidc</c>) and <c>access</c> names a group; otherwise Grafana
/// keeps only its admin login. The client secret reaches Grafana as an environment variable from
/// the same Secret the Gateway reads, never in the chart values. Grafana sends users back to
/// <c>&lt;root_url&gt;/login/generic_oauth</c>, which the client must list as a redirect URL.
/// </summary>
public static class GrafanaSignIn
{
    /// <summary>Grafana reads <c>[auth.generic_oauth] client_secret</c> from this variable.</summary>
    public const string ClientSecretVariable = "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET";

    /// <summary>The scopes asked for when <c>grafanaOidc.scopes</c> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "email", "profile"];

    public static bool IsOn(DeliveryConfig config) =>
        config.Monitoring.GrafanaHost.Length > 0 && GrafanaAccessPolicy.HasOidc(config.Monitoring) && GrafanaRoles.Any(config.Access);

    /// <summary>The <c>[auth.generic_oauth]</c> section of grafana.ini, or null when sign-in is off.</summary>
    public static OrderedDictionary<string, object?>? Settings(DeliveryConfig config)
    {
        if (!IsOn(config))
            return null;
        var oidc = config.Monitoring.GrafanaOidc;
        return Map(
            ("enabled", true),
            ("name", "Single sign-on"),
            ("client_id", oidc.ClientId),
            ("scopes", string.Join(' ', oidc.Scopes.Count > 0 ? oidc.Scopes : DefaultScopes)),
            ("auth_url", oidc.AuthorizationUrl),
            ("token_url", oidc.TokenUrl),
            ("api_url", oidc.UserinfoUrl),
            ("use_pkce", true),
            // Users already passed the Gateway's sign-in with the same provider: no second login page.
            ("auto_login", true),
            // Accounts are created at first sign-in; who may sign in at all is the role expression's answer.
            ("allow_sign_up", true),
            ("groups_attribute_path", GrafanaRoles.GroupsAttributePath(oidc.GroupsClaim)),
            ("role_attribute_path", GrafanaRoles.RoleAttributePath(config.Access, oidc.GroupsClaim)),
            ("role_attribute_strict", true),
            ("allow_assign_grafana_admin", true),
            ("skip_org_role_sync", false));
    }

    /// <summary>The ports of the provider endpoints Grafana calls itself (the browser follows the authorization URL).</summary>
    public static IReadOnlyList<int> ProviderPorts(OidcConfig oidc) =>
        [.. new[] { oidc.TokenUrl, oidc.UserinfoUrl }.Select(url => new Uri(url).Port).Distinct().Order()];

    /// <summary>The chart's <c>envValueFrom</c>: the client secret from the Gateway's OIDC Secret; null when sign-in is off.</summary>
    public static OrderedDictionary<string, object?>? Environment(DeliveryConfig config) =>
        !IsOn(config)
            ? null
            : Map((ClientSecretVariable, Map(("secretKeyRef", Map(
                ("name", GrafanaAccessPolicy.OidcSecretName),
                ("key", GrafanaAccessPolicy.OidcSecretKey))))));
}
