using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Platform;

namespace Delivery.Core.Tests.Monitoring;

public sealed class GrafanaRouteTests
{
    [Fact]
    public void Grafana_is_routed_on_its_host_over_https_and_over_http_on_local()
    {
        var dev = TestConfigs.Load(TestConfigs.ValidDev().With(("monitoring:grafanaHost", "grafana.dev.example.com"))).Config;

        var route = GrafanaRoute.Render(dev.Monitoring, TierProfile.Dev)!;

        Assert.Equal("HTTPRoute/monitoring/grafana", route.Id);
        Assert.Contains($"sectionName: {Delivery.Core.Network.ClusterGateway.HttpsListenerFor("grafana.dev.example.com")}", Delivery.Core.Kubernetes.YamlWriter.Write(route.Body), StringComparison.Ordinal);
        Assert.Contains("name: kube-prometheus-stack-grafana", Delivery.Core.Kubernetes.YamlWriter.Write(route.Body), StringComparison.Ordinal);
        Assert.Equal(new PlatformEndpoints("registry.dev.example.com", "https://grafana.dev.example.com"), PlatformEndpoints.Of(dev.Valid(Tier.Dev)));
        Assert.Equal("http://grafana.dev.example.com", GrafanaRoute.Url(dev.Monitoring, TierProfile.Local));
    }

    [Fact]
    public void Without_a_host_there_is_no_route_and_no_url()
    {
        var dev = TestConfigs.Load(TestConfigs.ValidDev()).Config;

        Assert.Null(GrafanaRoute.Render(dev.Monitoring, TierProfile.Dev));
        Assert.Equal("", GrafanaRoute.Url(dev.Monitoring, TierProfile.Dev));
    }
}
