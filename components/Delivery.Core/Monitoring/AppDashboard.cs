using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// One app's RED dashboard: request rate, errors and duration split by slot and version, which slot
/// takes the traffic (the live one, or both during a canary), releases as annotations, and its logs.
/// Everything comes from the app's own series, so the dashboard does not change on a release.
/// </summary>
public static class AppDashboard
{
    /// <summary>The app's dashboard uid, for its links.</summary>
    public static string Uid(string app) => $"app-{app}";

    public static OrderedDictionary<string, object?> Build(string app)
    {
        var selector = $"job=\"{app}\",namespace=\"{PlatformNamespaces.Apps}\"";
        const string bySlotVersion = "delivery_platform_slot, app_kubernetes_io_version";
        const string legend = "{{delivery_platform_slot}} {{app_kubernetes_io_version}}";
        var requests = $"http_server_request_duration_seconds_count{{{selector}}}";
        var errors = $"http_server_request_duration_seconds_count{{{selector},http_response_status_code=~\"5..\"}}";
        var buckets = $"http_server_request_duration_seconds_bucket{{{selector}}}";
        return GrafanaDashboards.Dashboard(Uid(app), $"App: {app}", Manifest.List(ReleaseAnnotation(app)),
            GrafanaDashboards.PrometheusPanel("timeseries", "Request rate by slot and version", "reqps",
                ($"sum by ({bySlotVersion}) (rate({requests}[5m]))", legend)),
            GrafanaDashboards.PrometheusPanel("timeseries", "Error ratio (5xx) by slot and version", "percentunit",
                ($"sum by ({bySlotVersion}) (rate({errors}[5m])) / sum by ({bySlotVersion}) (rate({requests}[5m]))", legend)),
            GrafanaDashboards.PrometheusPanel("timeseries", "p95 duration by slot and version", "s",
                ($"histogram_quantile(0.95, sum by (le, {bySlotVersion}) (rate({buckets}[5m])))", legend)),
            GrafanaDashboards.PrometheusPanel("stat", "Traffic share by slot (live slot)", "percentunit",
                ($"sum by (delivery_platform_slot) (rate({requests}[5m])) / scalar(sum(rate({requests}[5m])))", "{{delivery_platform_slot}}")),
            GrafanaDashboards.LogsPanel("Logs", $"{{namespace=\"{PlatformNamespaces.Apps}\", app=\"{app}\"}}"));
    }

    /// <summary>The release notices (the info alert) as annotation regions, titled with the release id.</summary>
    private static OrderedDictionary<string, object?> ReleaseAnnotation(string app) =>
        Map(
            ("name", "Releases"),
            ("datasource", GrafanaDatasources.Ref("prometheus", GrafanaDatasources.PrometheusUid)),
            ("enable", true),
            ("iconColor", "purple"),
            ("expr", $"ALERTS{{alertname=\"{AppAlertRules.ReleaseDeployed}\",app=\"{app}\",alertstate=\"firing\"}}"),
            ("step", "60s"),
            ("titleFormat", "Release {{release}}"),
            ("tagKeys", "delivery_platform_slot,app_kubernetes_io_version"));
}
