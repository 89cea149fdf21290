using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The ServiceMonitor for trivy-operator's metrics Service (release <c>trivy-operator</c>: port
/// <c>metrics</c>, selected by the chart's name and instance labels), rendered by the platform
/// because the chart renders its own only when the cluster already serves the ServiceMonitor API
/// (docs/charts/trivy-operator-0.28.1.yaml), which a preview of a new cluster does not.
/// <c>honorLabels</c> as the chart's: the series' own <c>namespace</c> is the scanned workload's.
/// </summary>
public static class TrivyOperatorMetrics
{
    public const string Name = "trivy-operator";

    public static KubernetesObject Render() =>
        Manifest.Object("monitoring.coreos.com/v1", "ServiceMonitor", Name, PlatformNamespaces.Monitoring, StandardLabels.Shared(Name, "metrics"),
            ("spec", Map(
                ("selector", Map(("matchLabels", Map(("app.kubernetes.io/name", Name), ("app.kubernetes.io/instance", Name))))),
                ("endpoints", List(Map(("port", "metrics"), ("scheme", "http"), ("honorLabels", true)))))));
}
