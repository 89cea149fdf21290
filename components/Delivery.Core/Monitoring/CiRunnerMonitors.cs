using Delivery.Core.Ci;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// PodMonitors for the CI controllers' metrics, which their charts serve but give nothing to scrape
/// them: ARC's controller and each scale set's listener (container port <c>metrics</c>, 8080, since
/// the controller chart sets the metrics addresses; docs/charts/gha-runner-scale-set*-0.13.0.yaml),
/// or GitLab's runner managers (the chart's <c>metrics</c> port, 9252). Rendered with monitoring,
/// which brings the PodMonitor API, and only where the runners exist.
/// </summary>
public static class CiRunnerMonitors
{
    private const string MetricsPort = "metrics";

    public static IReadOnlyList<KubernetesObject> Render(DeliveryConfig config) => config.Ci.Mode switch
    {
        CiConfig.GitHub =>
        [
            Monitor("arc-controller", Map(("matchLabels", Map(("app.kubernetes.io/name", "gha-rs-controller"), ("app.kubernetes.io/component", "controller-manager"))))),
            Monitor("arc-listeners", Map(("matchLabels", Map(("app.kubernetes.io/part-of", "gha-runner-scale-set"), ("app.kubernetes.io/component", "runner-scale-set-listener"))))),
        ],
        // The gitlab-runner chart labels its pods with their release.
        CiConfig.GitLab =>
            [Monitor("gitlab-runners", Map(("matchExpressions", List(Map(("key", "release"), ("operator", "In"), ("values", List(GitLabRunners.Release, GitLabRunners.ReleaseRunnerRelease)))))))],
        _ => [],
    };

    private static KubernetesObject Monitor(string name, OrderedDictionary<string, object?> selector) =>
        Manifest.Object("monitoring.coreos.com/v1", "PodMonitor", name, PlatformNamespaces.CiControl, StandardLabels.Shared(name, "metrics"),
            ("spec", Map(
                ("selector", selector),
                ("podMetricsEndpoints", List(Map(("port", MetricsPort), ("path", "/metrics")))))));
}
