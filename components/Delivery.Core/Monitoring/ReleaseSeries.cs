using Delivery.Core.Kubernetes;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Release facts as Prometheus sees them: kube-state-metrics exposes the pod labels it is allowed to
/// (<see cref="KubeStateMetricsAllowlist"/>) on <c>kube_pod_labels</c>, as <c>label_</c> plus the key
/// with every other character an underscore.
/// </summary>
public static class ReleaseSeries
{
    public const string App = "label_app_kubernetes_io_name";
    public const string Slot = "label_delivery_platform_slot";
    public const string Version = "label_app_kubernetes_io_version";
    public const string Release = "label_delivery_platform_release";

    /// <summary>kube-state-metrics' <c>metricLabelsAllowlist</c>: the release labels of pods (KSM v2 exposes none by default).</summary>
    public static IReadOnlyList<string> KubeStateMetricsAllowlist =>
        [$"pods=[{StandardLabels.Name},{StandardLabels.SlotLabel},{StandardLabels.Version},{StandardLabels.Release}]"];

    /// <summary>One series per app pod with its release labels, value 1.</summary>
    public static string PodLabels => $"kube_pod_labels{{namespace=\"{PlatformNamespaces.Apps}\",{Release}!=\"\"}}";

    /// <summary><paramref name="series"/> (per pod) joined with each pod's release labels.</summary>
    public static string WithRelease(string series) =>
        $"{series} * on (namespace, pod) group_left({App}, {Slot}, {Version}, {Release}) {PodLabels}";

    public const string ByRelease = $"{App}, {Slot}, {Version}, {Release}";
}
