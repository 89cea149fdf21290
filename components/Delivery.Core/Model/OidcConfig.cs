namespace Delivery.Core.Model;

/// <summary>An OpenID Connect provider the Gateway sends users to before Grafana (Envoy Gateway SecurityPolicy <c>oidc</c>).</summary>
public sealed class OidcConfig
{
    /// <summary>The provider's issuer URL (https); empty for no single sign-on.</summary>
    public string Issuer { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret, as a secret.</summary>
    public SecretValue ClientSecret { get; set; } = SecretValue.Missing;
}
