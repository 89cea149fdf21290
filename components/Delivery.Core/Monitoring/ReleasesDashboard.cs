using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The stack's releases at a glance (one Grafana per stack): per app the live release (the pods
/// behind the app's live Service, joined with their release labels), each slot's release and when
/// its pods started, releases whose pods are not ready, and release events as annotations.
/// </summary>
public static class ReleasesDashboard
{
    /// <summary>The dashboard's uid, for its links.</summary>
    public const string Uid = "platform-releases";

    public static OrderedDictionary<string, object?> Build(string stack)
    {
        var apps = $"namespace=\"{PlatformNamespaces.Apps}\"";
        // Pods behind each app's live Service: its Endpoints are named after the app (the slot Services are <app>-<slot>).
        var live = $"label_replace(max by (namespace, endpoint, pod) (kube_endpoint_address{{{apps},ready=\"true\"}} * on (namespace, ip) group_left(pod) " +
                   $"max by (namespace, ip, pod) (label_replace(kube_pod_info{{{apps}}}, \"ip\", \"$1\", \"pod_ip\", \"(.+)\"))), \"{ReleaseSeries.App}\", \"$1\", \"endpoint\", \"(.+)\")";
        return GrafanaDashboards.Dashboard(Uid, $"Releases ({stack})", Manifest.List(ReleaseAnnotation()),
            Table("Live release per app",
                $"max by ({ReleaseSeries.ByRelease}) ({ReleaseSeries.PodLabels} * on (namespace, pod, {ReleaseSeries.App}) group_left() {live})", "short"),
            Table("Each slot's release and when its pods started",
                $"min by ({ReleaseSeries.ByRelease}) ({ReleaseSeries.WithRelease($"kube_pod_created{{{apps}}}")}) * 1000", "dateTimeAsIso"),
            Table("Releases with pods not ready",
                $"sum by ({ReleaseSeries.ByRelease}) ({ReleaseSeries.WithRelease($"kube_pod_status_ready{{{apps},condition=\"false\"}}")}) > 0", "short"),
            GrafanaDashboards.PrometheusPanel("timeseries", "Ready pods by release", "short",
                ($"sum by ({ReleaseSeries.App}, {ReleaseSeries.Release}) ({ReleaseSeries.WithRelease($"kube_pod_status_ready{{{apps},condition=\"true\"}}")})",
                    $"{{{{{ReleaseSeries.App}}}}} {{{{{ReleaseSeries.Release}}}}}")));
    }

    /// <summary>An instant table: one row per label set, the value in the last column.</summary>
    private static OrderedDictionary<string, object?> Table(string title, string expr, string unit)
    {
        var panel = GrafanaDashboards.PrometheusPanel("table", title, unit, (expr, ""));
        foreach (var target in (List<object?>)panel["targets"]!)
        {
            var query = (OrderedDictionary<string, object?>)target!;
            query["instant"] = true;
            query["format"] = "table";
        }
        return panel;
    }

    /// <summary>Every app's release notice (<see cref="AppAlertRules.ReleaseDeployed"/>), and failed releases.</summary>
    private static OrderedDictionary<string, object?> ReleaseAnnotation() =>
        Map(
            ("name", "Releases"),
            ("datasource", GrafanaDatasources.Ref("prometheus", GrafanaDatasources.PrometheusUid)),
            ("enable", true),
            ("iconColor", "blue"),
            ("expr", $"ALERTS{{alertname=~\"{AppAlertRules.ReleaseDeployed}|{ReleaseAlertRules.NotReady}\",alertstate=\"firing\"}}"),
            ("step", "60s"),
            ("titleFormat", "{{alertname}} {{app}} {{release}}"),
            ("tagKeys", "app,release"));
}
