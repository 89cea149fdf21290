using Delivery.Core.Kubernetes;
using Delivery.Core.Tests.Security;

namespace Delivery.Core.Tests.Charts;

/// <summary>
/// The CI controllers serve metrics (the platform turns them on), so something must scrape them:
/// every charted pod in ci-control with a container port named <c>metrics</c> is selected by a
/// PodMonitor of the same stack, in its namespace, on that port.
/// </summary>
public sealed class CiMetricsScrapeTests
{
    [Fact]
    public void Every_ci_controller_that_serves_metrics_is_scraped()
    {
        var unscraped = new List<string>();
        foreach (var rendering in PinnedCharts.Renderings())
        {
            var monitors = rendering.Objects.Where(o => o.Kind == "PodMonitor").ToList();
            var serving = rendering.Charts.Where(c => c.Namespace == PlatformNamespaces.CiControl)
                .SelectMany(PinnedCharts.Workloads)
                .Where(w => w.Namespace == PlatformNamespaces.CiControl && w.Ports.Any(p => p.Name == "metrics"));
            unscraped.AddRange(serving.Where(w => !monitors.Any(m => Scrapes(m, w))).Select(w => w.ToString()));
        }

        Assert.True(unscraped.Count == 0, "metrics nobody scrapes: " + string.Join(", ", unscraped.Distinct()));
        Assert.Contains(PinnedCharts.Renderings(), r => r.Charts.Any(c => c.Namespace == PlatformNamespaces.CiControl));
    }

    private static bool Scrapes(KubernetesObject monitor, Workload workload)
    {
        var spec = (OrderedDictionary<string, object?>)monitor.Body["spec"]!;
        var endpoints = ((List<object?>)spec["podMetricsEndpoints"]!).Cast<OrderedDictionary<string, object?>>();
        return monitor.Namespace == workload.Namespace
               && LabelSelectors.Matches(spec["selector"], workload.PodLabels)
               && endpoints.Any(e => e.GetValueOrDefault("port") as string == "metrics");
    }
}
