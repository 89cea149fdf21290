using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// A failed deploy (seed 004): a release whose pods have not one ready among them for
/// <see cref="ReadyTimeout"/>. Per release id, so one broken rollout is one alert naming its version
/// and slot; a warning (team chat), as a failed release in the idle slot takes no traffic, and one
/// made live shows in the app's error budget alerts, which page.
/// </summary>
public static class ReleaseAlertRules
{
    public const string Name = "releases";
    public const string NotReady = "AppReleaseNotReady";

    /// <summary>Probes (default 10s period, 3 failures) plus image pulls: a healthy rollout is ready well within 10 minutes.</summary>
    public const string ReadyTimeout = "10m";

    private const string PodReady = "kube_pod_status_ready";

    public static KubernetesObject Render()
    {
        var apps = $"namespace=\"{PlatformNamespaces.Apps}\"";
        var releases = $"max by (namespace, {ReleaseSeries.ByRelease}) ({ReleaseSeries.PodLabels})";
        var ready = $"max by (namespace, {ReleaseSeries.ByRelease}) ({ReleaseSeries.WithRelease($"({PodReady}{{{apps},condition=\"true\"}} == 1)")})";
        return Manifest.Object("monitoring.coreos.com/v1", "PrometheusRule", Name, PlatformNamespaces.Monitoring,
            StandardLabels.Shared("delivery-platform", "alerts"),
            ("spec", Map(("groups", Manifest.List(Map(
                ("name", "releases"),
                ("rules", Manifest.List(Map(
                    ("alert", NotReady),
                    ("expr", $"{releases} unless on (namespace, {ReleaseSeries.Release}) {ready}"),
                    ("for", ReadyTimeout),
                    ("labels", Map(("severity", AlertSeverity.Warning), ("app", $"{{{{ $labels.{ReleaseSeries.App} }}}}"), ("release", $"{{{{ $labels.{ReleaseSeries.Release} }}}}"))),
                    ("annotations", Map(
                        ("summary", $"{{{{ $labels.{ReleaseSeries.App} }}}} release {{{{ $labels.{ReleaseSeries.Release} }}}} is not ready"),
                        ("description", $"No pod of {{{{ $labels.{ReleaseSeries.App} }}}} {{{{ $labels.{ReleaseSeries.Version} }}}} (release {{{{ $labels.{ReleaseSeries.Release} }}}}, {{{{ $labels.{ReleaseSeries.Slot} }}}} slot) has been ready for {ReadyTimeout}: the deploy failed. " +
                                        "Do not switch to it; if it is live, roll back (deliver rollback); see the pods' events and logs."))))))))))));
    }
}
