using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Network;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Security;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>Grafana's own sign-in: when it is on, what it is given, what it may reach, and the config it needs.</summary>
public sealed class GrafanaSignInTests
{
    private const string P = "delivery-platform:";
    private const string ClientSecret = "oidc-client-secret-text";

    internal static readonly (string, string?)[] Gateway =
    [
        ("monitoring:grafanaHost", "grafana.example.com"),
        ("monitoring:grafanaOidc:issuer", "https://sso.example.com/realms/shop"),
        ("monitoring:grafanaOidc:clientId", "grafana"),
    ];

    internal static readonly (string, string?)[] Endpoints =
    [
        ("monitoring:grafanaOidc:authorizationUrl", "https://sso.example.com/auth"),
        ("monitoring:grafanaOidc:tokenUrl", "https://sso.example.com:8443/token"),
        ("monitoring:grafanaOidc:userinfoUrl", "https://sso.example.com:8443/userinfo"),
        ("monitoring:grafanaOidc:jwksUrl", "https://sso.example.com:9443/certs"),
    ];

    private static readonly (string, string?)[] Groups = [("access:admins:0", "shop-platform-admins"), ("access:viewers:0", "shop-support")];

    private static Dictionary<string, string> Secrets()
    {
        var secrets = TestConfigs.Secrets();
        secrets["monitoring:grafanaOidc:clientSecret"] = ClientSecret;
        return secrets;
    }

    private static Delivery.Core.Configuration.LoadedConfig Load(params (string, string?)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes), Secrets());

    private static OrderedDictionary<string, object?> GrafanaValues(Model.DeliveryConfig config) =>
        Map(Assert.Single(MonitoringCharts.Render(config.Valid(Tier.Dev)), c => c.ReleaseName == "kube-prometheus-stack").Values["grafana"]);

    [Fact]
    public void With_groups_Grafana_signs_users_in_through_the_gateways_client_with_strict_roles()
    {
        var loaded = Load([.. Gateway, .. Endpoints, .. Groups]);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));

        var settings = GrafanaRolesTests.GenericOAuth(loaded.Config);

        Assert.Equal(true, settings["enabled"]);
        Assert.Equal("grafana", settings["client_id"]);
        Assert.Equal("https://sso.example.com/auth", settings["auth_url"]);
        Assert.Equal("https://sso.example.com:8443/token", settings["token_url"]);
        Assert.Equal("https://sso.example.com:8443/userinfo", settings["api_url"]);
        Assert.Equal("openid email profile", settings["scopes"]);
        Assert.Equal(true, settings["role_attribute_strict"]);
        Assert.Equal(true, settings["use_pkce"]);
        Assert.Equal(true, settings["auto_login"]);
        Assert.Equal(false, settings["skip_org_role_sync"]);
        Assert.False(settings.ContainsKey("client_secret"));
    }

    [Fact]
    public void The_client_secret_reaches_Grafana_from_the_gateways_Secret_and_never_the_chart_values()
    {
        var config = Load([.. Gateway, .. Endpoints, .. Groups]).Config;
        var values = GrafanaValues(config);

        var secretRef = Map(Map(Map(values["envValueFrom"])[GrafanaSignIn.ClientSecretVariable])["secretKeyRef"]);
        Assert.Equal(GrafanaAccessPolicy.OidcSecretName, secretRef["name"]);
        Assert.Equal(GrafanaAccessPolicy.OidcSecretKey, secretRef["key"]);
        var secret = Assert.Single(MonitoringRenderer.Render(config.Valid(Tier.Dev)).Secrets, s => s.Name == GrafanaAccessPolicy.OidcSecretName);
        Assert.Contains(secret.Entries, e => e.Key == GrafanaAccessPolicy.OidcSecretKey);
        Assert.DoesNotContain(ClientSecret, YamlWriter.Write(values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no access group", false, true)]
    [InlineData("no host", true, false)]
    public void Without_groups_or_a_host_Grafana_keeps_its_own_login_and_reaches_no_provider(string _, bool groups, bool host)
    {
        (string, string?)[] changes = [.. Gateway, .. Endpoints, .. (groups ? Groups : []), .. (host ? [] : new (string, string?)[] { ("monitoring:grafanaHost", null) })];
        var config = Load(changes).Config;

        var values = GrafanaValues(config);
        Assert.False(values.ContainsKey("envValueFrom"));
        Assert.False(Map(values["grafana.ini"]).ContainsKey("auth.generic_oauth"));
        Assert.False(Map(values["grafana.ini"]).ContainsKey("auth"));
        // Grafana itself never calls the provider (the Gateway's own sign-in may, from the gateway namespace).
        Assert.DoesNotContain(PlatformRenderer.Render(config.Valid(Tier.Dev)).Objects, o => o.Name == "allow-identity-provider" && o.Namespace == PlatformNamespaces.Monitoring);
    }

    [Fact]
    public void In_monitoring_only_Grafana_reaches_the_provider_and_only_on_the_ports_of_its_endpoints()
    {
        var on = NetworkReachability.Of(PlatformRenderer.Render(Load([.. Gateway, .. Endpoints, .. Groups]).Config.Valid(Tier.Dev)).Objects);
        var off = NetworkReachability.Of(PlatformRenderer.Render(Load([.. Gateway, .. Endpoints]).Config.Valid(Tier.Dev)).Objects);
        var grafana = new Endpoint.Pod(PlatformNamespaces.Monitoring, PlatformPods.Grafana);
        var loki = new Endpoint.Pod(PlatformNamespaces.Monitoring, PlatformPods.Loki);
        var provider = new Endpoint.Address("198.51.100.7");
        var metadata = new Endpoint.Address("169.254.169.254");

        Assert.True(on.CanReach(grafana, provider, 8443));
        Assert.True(on.CanReach(grafana, new Endpoint.Address("10.30.0.5"), 8443)); // a provider inside the company network
        Assert.False(on.CanReach(grafana, provider, 8080));
        Assert.False(on.CanReach(grafana, metadata, 8443));
        Assert.False(on.CanReach(loki, provider, 8443));
        Assert.False(off.CanReach(grafana, provider, 8443));
    }

    /// <summary>
    /// Envoy Gateway v1.6.3's sign-in (docs/charts/gateway-helm-v1.6.3.yaml): the proxies exchange the
    /// code at the token endpoint; the controller reads the issuer's discovery document.
    /// </summary>
    [Fact]
    public void The_gateway_completes_the_login_at_the_provider_on_its_ports_only()
    {
        var on = NetworkReachability.Of(PlatformRenderer.Render(Load([.. Gateway, .. Endpoints]).Config.Valid(Tier.Dev)).Objects);
        var off = NetworkReachability.Of(PlatformRenderer.Render(Load().Config.Valid(Tier.Dev)).Objects);
        var proxy = new Endpoint.Pod(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy);
        var controller = new Endpoint.Pod(PlatformNamespaces.Gateway, PlatformPods.EnvoyGateway);
        var provider = new Endpoint.Address("10.30.0.5");

        Assert.True(on.CanReach(proxy, provider, 8443)); // the token endpoint's port
        Assert.True(on.CanReach(proxy, provider, 443)); // the issuer's
        Assert.True(on.CanReach(controller, provider, 8443));
        Assert.False(on.CanReach(proxy, provider, 8080));
        Assert.False(on.CanReach(proxy, new Endpoint.Address("169.254.169.254"), 443));
        Assert.False(off.CanReach(proxy, provider, 8443));
        Assert.False(off.CanReach(proxy, provider, 443));
    }

    /// <summary>
    /// Issue #22, finding 8: once Grafana signs users in, only the access groups pass the Gateway,
    /// not every user of the provider. Envoy Gateway v1.6.3 (api/v1alpha1: authorization_types.go,
    /// jwt_types.go, oidc_types.go) checks claims only of a JWT its own jwt section verified; the
    /// sign-in's ID token is that JWT, read from the cookie the oidc section names.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_groups_only_the_access_groups_pass_the_gateway(bool allowlist)
    {
        var config = Load([.. Gateway, .. Endpoints, .. Groups, ("access:developers:0", "shop-developers"),
            .. (allowlist ? new (string, string?)[] { ("monitoring:grafanaAllowedCidrs:0", "203.0.113.0/24") } : [])]).Config;
        var policy = Map(Assert.Single(MonitoringRenderer.Render(config.Valid(Tier.Dev)).Objects, o => o.Kind == "SecurityPolicy").Body["spec"]);

        var idToken = (string)Map(Map(policy["oidc"])["cookieNames"])["idToken"]!;
        var provider = Map(Assert.Single(Items(Map(policy["jwt"])["providers"])));
        Assert.Equal("https://sso.example.com/realms/shop", provider["issuer"]);
        Assert.Equal(["grafana"], Items(provider["audiences"]).Cast<string>());
        Assert.Equal("https://sso.example.com:9443/certs", Map(provider["remoteJWKS"])["uri"]);
        Assert.Equal([idToken], Items(Map(provider["extractFrom"])["cookies"]).Cast<string>());

        var authorization = Map(policy["authorization"]);
        Assert.Equal("Deny", authorization["defaultAction"]);
        var principal = Map(Map(Assert.Single(Items(authorization["rules"])))["principal"]);
        var jwt = Map(principal["jwt"]);
        Assert.Equal(provider["name"], jwt["provider"]);
        var claim = Map(Assert.Single(Items(jwt["claims"])));
        Assert.Equal(("groups", "StringArray"), ((string)claim["name"]!, (string)claim["valueType"]!));
        Assert.Equal(["shop-developers", "shop-platform-admins", "shop-support"], Items(claim["values"]).Cast<string>());
        if (allowlist)
            Assert.Equal(["203.0.113.0/24"], Items(principal["clientCIDRs"]).Cast<string>()); // both must hold
        else
            Assert.False(principal.ContainsKey("clientCIDRs"));

        // The proxies fetch the key set; Grafana itself shows no password form.
        var reach = NetworkReachability.Of(PlatformRenderer.Render(config.Valid(Tier.Dev)).Objects);
        Assert.True(reach.CanReach(new Endpoint.Pod(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy), new Endpoint.Address("10.30.0.5"), 9443));
        Assert.Equal(true, Map(Map(GrafanaValues(config)["grafana.ini"])["auth"])["disable_login_form"]);
    }

    [Fact]
    public void Without_groups_the_gateway_signs_in_any_provider_user_as_before()
    {
        var policy = Map(Assert.Single(MonitoringRenderer.Render(Load([.. Gateway, .. Endpoints]).Config.Valid(Tier.Dev)).Objects, o => o.Kind == "SecurityPolicy").Body["spec"]);

        Assert.False(policy.ContainsKey("jwt"));
        Assert.False(policy.ContainsKey("authorization"));
    }

    public sealed record Case(string Name, (string Key, string? Value)[] Changes, string Key, string? Value, string Message)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new("groups but no authorization endpoint", [.. Gateway, .. Groups, .. Endpoints, ("monitoring:grafanaOidc:authorizationUrl", null)], P + "monitoring.grafanaOidc.authorizationUrl", null,
            "is needed: access names groups, so Grafana signs users in through the provider to give each their group's role, and Grafana does not discover the authorization endpoint from the issuer."),
        new("groups but no token endpoint", [.. Gateway, .. Groups, .. Endpoints, ("monitoring:grafanaOidc:tokenUrl", null)], P + "monitoring.grafanaOidc.tokenUrl", null,
            "is needed: access names groups, so Grafana signs users in through the provider to give each their group's role, and Grafana does not discover the token endpoint from the issuer."),
        new("token endpoint over http", [.. Gateway, .. Endpoints, ("monitoring:grafanaOidc:tokenUrl", "http://sso.example.com/token")], P + "monitoring.grafanaOidc.tokenUrl",
            "http://sso.example.com/token", "must be the https URL of the provider's token endpoint."),
        new("scopes without openid", [.. Gateway, .. Groups, .. Endpoints, ("monitoring:grafanaOidc:scopes:0", "email")], P + "monitoring.grafanaOidc.scopes", "email",
            "leaves out openid, so the provider would send no ID token and no groups claim in it."),
        new("a scope with a space", [.. Gateway, .. Groups, .. Endpoints, ("monitoring:grafanaOidc:scopes:0", "openid"), ("monitoring:grafanaOidc:scopes:1", "groups email")],
            P + "monitoring.grafanaOidc.scopes[1]", "groups email", "is not an OAuth scope (printable characters, no spaces, quotes or backslashes)."),
        new("an empty groups claim", [.. Gateway, .. Groups, .. Endpoints, ("monitoring:grafanaOidc:groupsClaim", "")], P + "monitoring.grafanaOidc.groupsClaim", null,
            "must name the claim that lists the user's groups (1–256 characters, no control characters)."),
        new("groups but no key set", [.. Gateway, .. Groups, .. Endpoints, ("monitoring:grafanaOidc:jwksUrl", null)], P + "monitoring.grafanaOidc.jwksUrl", null,
            "is needed: access names groups, so the Gateway lets only those groups through, and checks the ID token's groups claim against the provider's signing keys, which it does not discover from the issuer."),
        new("endpoints without an issuer", [.. Endpoints, ("monitoring:grafanaHost", "grafana.example.com")], P + "monitoring.grafanaOidc.issuer", null,
            "must be the https issuer URL of the OpenID Connect provider."),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_sign_in_config_is_refused_on_its_key(Case row)
    {
        var loaded = Load(row.Changes);

        Assert.Contains(loaded.Errors, p => p.Key == row.Key && p.Value == row.Value && p.Message == row.Message);
    }

    [Fact]
    public void All_missing_endpoints_are_reported_at_once()
    {
        var loaded = Load([.. Gateway, .. Groups]);

        Assert.Equal(
            ["authorizationUrl", "tokenUrl", "userinfoUrl", "jwksUrl"],
            loaded.Errors.Select(p => p.Key).Where(k => k.StartsWith(P + "monitoring.grafanaOidc.", StringComparison.Ordinal)).Select(k => k[(P + "monitoring.grafanaOidc.").Length..]));
    }

    [Fact]
    public void The_gateways_sign_in_alone_needs_no_endpoints()
    {
        var loaded = Load(Gateway);

        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
    }

    private const string HostKey = P + "monitoring.grafanaHost";

    [Fact]
    public void A_Grafana_host_past_a_laptop_with_only_the_password_form_is_warned_about_with_both_fixes()
    {
        var loaded = Load(("monitoring:grafanaHost", "grafana.example.com"));

        var warning = Assert.Single(loaded.Warnings, w => w.Key == HostKey);
        Assert.Equal("grafana.example.com", warning.Value);
        Assert.Contains("password form only", warning.Message, StringComparison.Ordinal);
        Assert.Contains(P + "monitoring.grafanaOidc.issuer", warning.Fix, StringComparison.Ordinal);
        Assert.Contains(P + "monitoring.grafanaAllowedCidrs[0]", warning.Fix, StringComparison.Ordinal);
    }

    public static TheoryData<string, (string, string?)[]> GuardedOrLocal() => new()
    {
        { "single sign-on", [.. Gateway] },
        { "an allowlist", [("monitoring:grafanaHost", "grafana.example.com"), ("monitoring:grafanaAllowedCidrs:0", "203.0.113.0/24")] },
        { "a laptop", [("environment", "local"), ("monitoring:grafanaHost", "grafana.localhost")] },
        { "no host", [] },
    };

    [Theory]
    [MemberData(nameof(GuardedOrLocal))]
    public void A_guarded_or_local_Grafana_is_not_warned_about(string why, (string, string?)[] changes)
    {
        var loaded = Load(changes);

        Assert.False(loaded.Warnings.Any(w => w.Key == HostKey), $"warned about Grafana behind {why}");
    }
}
