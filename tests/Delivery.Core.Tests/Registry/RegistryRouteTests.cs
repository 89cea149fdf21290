using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;

namespace Delivery.Core.Tests.Registry;

public sealed class RegistryRouteTests
{
    [Fact]
    public void The_registry_route_allows_an_hour_per_request_sends_hsts_and_uses_the_tiers_listener()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;

        var route = RegistryRenderer.Render(config.Valid(Tier.Dev)).Objects.Single(o => o.Kind == "HTTPRoute");

        var yaml = YamlWriter.Write(route.Body);
        Assert.Contains("      timeouts:\n        request: \"1h\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("name: Strict-Transport-Security", yaml, StringComparison.Ordinal);
        Assert.Contains($"sectionName: {Delivery.Core.Network.ClusterGateway.HttpsListenerFor("registry.dev.example.com")}", yaml, StringComparison.Ordinal);
        Assert.Contains("sectionName: http\n", YamlWriter.Write(RegistryRenderer.Render(config.Valid(Tier.Local)).Objects.Single(o => o.Kind == "HTTPRoute").Body), StringComparison.Ordinal);
    }
}
