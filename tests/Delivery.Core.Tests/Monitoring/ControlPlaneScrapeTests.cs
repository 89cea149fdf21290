using Delivery.Core.Model;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Tests.Monitoring;

public sealed class ControlPlaneScrapeTests
{
    [Fact]
    public void Control_plane_components_that_k3s_and_managed_clusters_hide_are_not_scraped()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;

        var values = MonitoringRenderer.Render(config.Valid(Tier.Dev)).Charts.Single(c => c.ReleaseName == "kube-prometheus-stack").Values;

        foreach (var component in new[] { "kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy" })
            Assert.Equal(false, ((OrderedDictionary<string, object?>)values[component]!)["enabled"]);
    }
}
