using Delivery.Core.Ci;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// PodMonitors for the CI controllers' metrics, which their charts serve but give nothing to scrape
/// them: ARC's controllers and each scale set's listener, in ci-control and ci-release (container port <c>metrics</c>, 8080, since
/// the controller chart sets the metrics addresses; docs/charts/gha-runner-scale-set*-0.13.0.yaml),
/// or GitLab's runner managers (the chart's <c>metrics</c> port, 9252). Rendered with monitoring,
/// which brings the PodMonitor API, and only where the runners exist.
/// </summary>
public static class CiRunnerMonitors
{
    private const string MetricsPort = "metrics";

    public static IReadOnlyList<KubernetesObject> Render(DeliveryConfig config) => config.Ci.Kind switch
    {
        CiMode.GitHub =>
        [
            .. ArcNamespaces(config).SelectMany(@namespace => new[]
            {
                Monitor("arc-controller", @namespace, Map(("matchLabels", Strings(Network.PlatformPods.ArcController)))),
                Monitor("arc-listeners", @namespace, Map(("matchLabels", Strings(Network.PlatformPods.ArcListener)))),
            }),
        ],
        // The gitlab-runner chart labels its pods with their release.
        CiMode.GitLab =>
            [Monitor("gitlab-runners", PlatformNamespaces.CiControl, Map(("matchExpressions", List(Map(("key", "release"), ("operator", "In"), ("values", List(GitLabRunners.Release, GitLabRunners.ReleaseRunnerRelease)))))))],
        _ => [],
    };

    /// <summary>Where ARC's controllers and listeners run: ci-control beside the build runners, ci-release beside the release runners (GitHubRunners).</summary>
    private static IReadOnlyList<string> ArcNamespaces(DeliveryConfig config) =>
    [
        .. CiRunnersRenderer.HasBuildRunners(config) ? [PlatformNamespaces.CiControl] : Array.Empty<string>(),
        .. CiRunnersRenderer.HasReleaseRunners(config) ? [PlatformNamespaces.CiRelease] : Array.Empty<string>(),
    ];

    /// <summary>A PodMonitor selects pods in its own namespace only.</summary>
    private static KubernetesObject Monitor(string name, string @namespace, OrderedDictionary<string, object?> selector) =>
        Manifest.Object("monitoring.coreos.com/v1", "PodMonitor", name, @namespace, StandardLabels.Shared(name, "metrics"),
            ("spec", Map(
                ("selector", selector),
                ("podMetricsEndpoints", List(Map(("port", MetricsPort), ("path", "/metrics")))))));
}
