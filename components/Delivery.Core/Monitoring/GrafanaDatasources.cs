using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Grafana's data sources, by stable uid so dashboards can name them. Prometheus is provisioned by
/// kube-prometheus-stack itself (uid <c>prometheus</c>, its <c>grafana.sidecar.datasources.uid</c>);
/// Loki and Tempo are added through <c>grafana.additionalDataSources</c>.
/// </summary>
public static class GrafanaDatasources
{
    public const string PrometheusUid = "prometheus";
    public const string LokiUid = "loki";
    public const string TempoUid = "tempo";

    /// <summary>The <c>grafana.additionalDataSources</c> value: Loki and Tempo, served in the monitoring namespace.</summary>
    public static List<object?> Additional() => List(
        Map(
            ("name", "Loki"), ("uid", LokiUid), ("type", "loki"), ("access", "proxy"),
            ("url", MonitoringCharts.LokiUrl)),
        Map(
            ("name", "Tempo"), ("uid", TempoUid), ("type", "tempo"), ("access", "proxy"),
            ("url", MonitoringCharts.TempoUrl),
            // Jump from a span to the logs of the pod that served it.
            ("jsonData", Map(("tracesToLogsV2", Map(("datasourceUid", LokiUid), ("filterByTraceID", true)))))));

    /// <summary>A panel's or annotation's <c>datasource</c> reference.</summary>
    public static OrderedDictionary<string, object?> Ref(string type, string uid) => Map(("type", type), ("uid", uid));
}
