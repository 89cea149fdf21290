using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>The platform at a glance: every app's RED numbers, firing alerts, unready pods and vulnerable images.</summary>
public static class OverviewDashboard
{
    public static OrderedDictionary<string, object?> Build()
    {
        var apps = $"namespace=\"{PlatformNamespaces.Apps}\"";
        var requests = $"http_server_request_duration_seconds_count{{{apps}}}";
        return GrafanaDashboards.Dashboard("platform-overview", "Platform overview", List(),
            GrafanaDashboards.PrometheusPanel("timeseries", "Request rate by app", "reqps",
                ($"sum by (job) (rate({requests}[5m]))", "{{job}}")),
            GrafanaDashboards.PrometheusPanel("timeseries", "Error ratio (5xx) by app", "percentunit",
                ($"sum by (job) (rate(http_server_request_duration_seconds_count{{{apps},http_response_status_code=~\"5..\"}}[5m])) / sum by (job) (rate({requests}[5m]))", "{{job}}")),
            GrafanaDashboards.PrometheusPanel("timeseries", "p95 duration by app", "s",
                ($"histogram_quantile(0.95, sum by (le, job) (rate(http_server_request_duration_seconds_bucket{{{apps}}}[5m])))", "{{job}}")),
            GrafanaDashboards.PrometheusPanel("stat", "Firing alerts by severity", "short",
                ("sum by (severity) (ALERTS{alertstate=\"firing\"})", "{{severity}}")),
            GrafanaDashboards.PrometheusPanel("stat", "App pods not ready", "short",
                ($"sum(kube_pod_status_ready{{{apps},condition=\"false\"}})", "not ready")),
            GrafanaDashboards.PrometheusPanel("stat", "Critical vulnerabilities by image", "short",
                ("sum by (image_repository, image_tag) (trivy_image_vulnerabilities{severity=\"Critical\"})", "{{image_repository}}:{{image_tag}}")));
    }
}
