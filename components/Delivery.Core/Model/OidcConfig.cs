namespace Delivery.Core.Model;

/// <summary>
/// An OpenID Connect provider the Gateway sends users to before Grafana (Envoy Gateway SecurityPolicy
/// <c>oidc</c>, which discovers the endpoints from the issuer). With access groups, Grafana signs the
/// same users in through the same client (its generic OAuth, which does not discover them: hence the
/// three endpoint URLs) and gives each the role of their group.
/// </summary>
public sealed class OidcConfig
{
    /// <summary>The provider's issuer URL (https); empty for no single sign-on.</summary>
    public string Issuer { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret, as a secret.</summary>
    public SecretValue ClientSecret { get; set; } = SecretValue.Missing;

    /// <summary>The provider's authorization endpoint (https), for Grafana's sign-in.</summary>
    public string AuthorizationUrl { get; set; } = "";

    /// <summary>The provider's token endpoint (https), for Grafana's sign-in.</summary>
    public string TokenUrl { get; set; } = "";

    /// <summary>The provider's userinfo endpoint (https), for Grafana's sign-in.</summary>
    public string UserinfoUrl { get; set; } = "";

    /// <summary>The provider's signing keys (its <c>jwks_uri</c>, https), where the Gateway checks the ID token before letting only the access groups through.</summary>
    public string JwksUrl { get; set; } = "";

    /// <summary>The top-level claim (ID token or userinfo) that lists the user's groups.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>The scopes Grafana asks for; empty means <c>openid email profile</c>. Some providers (Dex, Authelia) need <c>groups</c> too.</summary>
    public List<string> Scopes { get; set; } = [];
}
