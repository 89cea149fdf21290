using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Apps;

/// <summary>
/// Prometheus scrapes /metrics through the slot Services only (the live one would scrape the same
/// pods twice); a rolling app's through its one Service. The job is the app's name whatever the slot, and every series gets the pod's slot,
/// version and release labels: <c>delivery_platform_slot</c>, <c>app_kubernetes_io_version</c>,
/// <c>delivery_platform_release</c>.
/// </summary>
public static class AppServiceMonitor
{
    public static KubernetesObject Render(string name, string scrapePort, bool rolling = false) =>
        Manifest.Object("monitoring.coreos.com/v1", "ServiceMonitor", AppObjectNames.Live(name), PlatformNamespaces.Apps, StandardLabels.Shared(name, "metrics"),
            ("spec", Map(
                ("jobLabel", StandardLabels.Name),
                ("selector", Map(("matchLabels", Map((StandardLabels.Name, name), (StandardLabels.Component, rolling ? AppServices.LiveComponent : AppServices.SlotComponent))))),
                ("podTargetLabels", List(StandardLabels.SlotLabel, StandardLabels.Version, StandardLabels.Release)),
                ("endpoints", List(Map(("port", scrapePort), ("path", AppRoute.MetricsPath), ("interval", "30s")))))));
}
