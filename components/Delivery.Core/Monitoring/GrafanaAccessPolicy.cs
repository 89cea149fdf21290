using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Who may reach Grafana's public host, enforced by the Envoy proxies before a request gets to
/// Grafana: an Envoy Gateway <c>SecurityPolicy</c> (gateway.envoyproxy.io/v1alpha1) on Grafana's
/// HTTPRoute with an IP allowlist (<c>authorization</c>: listed client CIDRs allowed, the rest
/// denied) and/or OpenID Connect single sign-on (<c>oidc</c>, its client secret in a Secret with the
/// key <c>client-secret</c>). None without a host, or with neither configured. Where Grafana signs
/// users in with their access groups (<see cref="GrafanaSignIn.IsOn"/>), the Gateway lets only those
/// groups through: its <c>jwt</c> section verifies the sign-in's ID token (read from the cookie the
/// <c>oidc</c> section names, against the provider's key set and the client as audience) and the
/// authorization rule requires one of the groups in its groups claim (and a listed CIDR, if any).
/// </summary>
public static class GrafanaAccessPolicy
{
    public const string Name = "grafana-access";
    public const string OidcSecretName = "grafana-oidc-client";
    public const string OidcSecretKey = "client-secret";

    /// <summary>Where the provider sends users back; Envoy completes the login there.</summary>
    public const string OidcCallbackPath = "/oauth2/callback";

    /// <summary>The cookie the Gateway keeps the sign-in's ID token in, which its JWT check reads.</summary>
    public const string IdTokenCookie = "grafana-id-token";

    /// <summary>The name the authorization rule gives the JWT check it relies on.</summary>
    public const string JwtProvider = "identity-provider";

    public static bool HasOidc(MonitoringConfig monitoring) => monitoring.GrafanaOidc.Issuer.Length > 0;

    /// <summary>
    /// The provider ports the Gateway calls itself: the issuer's, where the controller reads the
    /// discovery document, and the token endpoint's, where the Envoy proxies exchange each login's
    /// code (the browser alone follows the authorization URL).
    /// </summary>
    /// <summary>The key set's too, where the proxies fetch the signing keys for the group check.</summary>
    public static IReadOnlyList<int> ProviderPorts(OidcConfig oidc) =>
        [.. new[] { oidc.Issuer, oidc.TokenUrl, oidc.JwksUrl }.Where(url => url.Length > 0).Select(url => new Uri(url).Port).Distinct().Order()];

    public static KubernetesObject? Render(ValidStack stack)
    {
        var monitoring = stack.Config.Monitoring;
        if (monitoring.GrafanaHost.Length == 0 || (monitoring.GrafanaAllowedCidrs.Count == 0 && !HasOidc(monitoring)))
            return null;
        var oidc = monitoring.GrafanaOidc;
        var groups = GrafanaSignIn.IsOn(stack.Config);
        var principal = Map(
            ("clientCIDRs", monitoring.GrafanaAllowedCidrs.Count == 0 ? null : ListOf(monitoring.GrafanaAllowedCidrs)),
            ("jwt", !groups ? null : Map(
                ("provider", JwtProvider),
                ("claims", List(Map(("name", oidc.GroupsClaim), ("valueType", "StringArray"), ("values", ListOf(AccessGroups(stack.Config.Access)))))))));
        return Manifest.Object("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", Name, PlatformNamespaces.Monitoring, StandardLabels.Shared(Name, "route"),
            ("spec", Map(
                ("targetRefs", List(Map(("group", "gateway.networking.k8s.io"), ("kind", "HTTPRoute"), ("name", GrafanaRoute.Name)))),
                ("authorization", monitoring.GrafanaAllowedCidrs.Count == 0 && !groups ? null : Map(
                    ("defaultAction", "Deny"),
                    ("rules", List(Map(("action", "Allow"), ("principal", principal)))))),
                ("jwt", !groups ? null : Map(("providers", List(Map(
                    ("name", JwtProvider),
                    ("issuer", oidc.Issuer),
                    ("audiences", List(oidc.ClientId)),
                    ("remoteJWKS", Map(("uri", oidc.JwksUrl))),
                    ("extractFrom", Map(("cookies", List(IdTokenCookie))))))))),
                ("oidc", !HasOidc(monitoring) ? null : Map(
                    ("provider", Map(("issuer", oidc.Issuer))),
                    ("clientID", oidc.ClientId),
                    ("clientSecret", Map(("name", OidcSecretName))),
                    ("redirectURL", GrafanaRoute.Url(monitoring, stack.Profile) + OidcCallbackPath),
                    ("cookieNames", !groups ? null : Map(("idToken", IdTokenCookie))))))));
    }

    /// <summary>Every group <c>access</c> names, once each, in order.</summary>
    private static IEnumerable<string> AccessGroups(AccessConfig access) =>
        access.Admins.Concat(access.Developers).Concat(access.Viewers).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The OIDC client secret the policy reads, or null without single sign-on.</summary>
    public static SecretSpec? OidcSecret(MonitoringConfig monitoring) =>
        !HasOidc(monitoring)
            ? null
            : new SecretSpec(OidcSecretName, PlatformNamespaces.Monitoring, "Opaque", StandardLabels.Shared(OidcSecretName, MonitoringRenderer.Component),
                [new SecretEntry(OidcSecretKey, new ConfigSecretSource(monitoring.GrafanaOidc.ClientSecret))]);
}
