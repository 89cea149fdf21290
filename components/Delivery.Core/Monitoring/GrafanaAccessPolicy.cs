using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Who may reach Grafana's public host, enforced by the Envoy proxies before a request gets to
/// Grafana: an Envoy Gateway <c>SecurityPolicy</c> (gateway.envoyproxy.io/v1alpha1) on Grafana's
/// HTTPRoute with an IP allowlist (<c>authorization</c>: listed client CIDRs allowed, the rest
/// denied) and/or OpenID Connect single sign-on (<c>oidc</c>, its client secret in a Secret with the
/// key <c>client-secret</c>). None without a host, or with neither configured.
/// </summary>
public static class GrafanaAccessPolicy
{
    public const string Name = "grafana-access";
    public const string OidcSecretName = "grafana-oidc-client";
    public const string OidcSecretKey = "client-secret";

    /// <summary>Where the provider sends users back; Envoy completes the login there.</summary>
    public const string OidcCallbackPath = "/oauth2/callback";

    public static bool HasOidc(MonitoringConfig monitoring) => monitoring.GrafanaOidc.Issuer.Length > 0;

    /// <summary>
    /// The provider ports the Gateway calls itself: the issuer's, where the controller reads the
    /// discovery document, and the token endpoint's, where the Envoy proxies exchange each login's
    /// code (the browser alone follows the authorization URL).
    /// </summary>
    public static IReadOnlyList<int> ProviderPorts(OidcConfig oidc) =>
        [.. new[] { oidc.Issuer, oidc.TokenUrl }.Where(url => url.Length > 0).Select(url => new Uri(url).Port).Distinct().Order()];

    public static KubernetesObject? Render(MonitoringConfig monitoring, Tier tier)
    {
        if (monitoring.GrafanaHost.Length == 0 || (monitoring.GrafanaAllowedCidrs.Count == 0 && !HasOidc(monitoring)))
            return null;
        var oidc = monitoring.GrafanaOidc;
        return Manifest.Object("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", Name, PlatformNamespaces.Monitoring, StandardLabels.Shared(Name, "route"),
            ("spec", Map(
                ("targetRefs", List(Map(("group", "gateway.networking.k8s.io"), ("kind", "HTTPRoute"), ("name", GrafanaRoute.Name)))),
                ("authorization", monitoring.GrafanaAllowedCidrs.Count == 0 ? null : Map(
                    ("defaultAction", "Deny"),
                    ("rules", List(Map(("action", "Allow"), ("principal", Map(("clientCIDRs", ListOf(monitoring.GrafanaAllowedCidrs))))))))),
                ("oidc", !HasOidc(monitoring) ? null : Map(
                    ("provider", Map(("issuer", oidc.Issuer))),
                    ("clientID", oidc.ClientId),
                    ("clientSecret", Map(("name", OidcSecretName))),
                    ("redirectURL", GrafanaRoute.Url(monitoring, tier) + OidcCallbackPath))))));
    }

    /// <summary>The OIDC client secret the policy reads, or null without single sign-on.</summary>
    public static SecretSpec? OidcSecret(MonitoringConfig monitoring) =>
        !HasOidc(monitoring)
            ? null
            : new SecretSpec(OidcSecretName, PlatformNamespaces.Monitoring, "Opaque", StandardLabels.Shared(OidcSecretName, MonitoringRendering.Component),
                [new SecretEntry(OidcSecretKey, new ConfigSecretSource(monitoring.GrafanaOidc.ClientSecret))]);
}
