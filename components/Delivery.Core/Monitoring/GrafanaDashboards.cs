using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Dashboards as JSON in ConfigMaps, which Grafana's dashboard sidecar (kube-prometheus-stack
/// <c>grafana.sidecar.dashboards</c>, label <c>grafana_dashboard: "1"</c>, all namespaces) loads:
/// one per app, one platform overview and one of the stack's releases. The JSON is built from ordered maps, so it is byte-stable.
/// </summary>
public static class GrafanaDashboards
{
    public const string SidecarLabel = "grafana_dashboard";
    public const string SidecarLabelValue = "1";

    /// <summary>Grafana refuses dashboard uids longer than this.</summary>
    private const int MaxUidLength = 40;

    private static readonly ManifestJsonContext Indented = new(new JsonSerializerOptions { WriteIndented = true });

    public static IReadOnlyList<KubernetesObject> Render(DeliveryConfig config) =>
    [
        ConfigMap("dashboard-platform-overview", "grafana", "platform-overview.json", OverviewDashboard.Build()),
        ConfigMap("dashboard-platform-releases", "grafana", "platform-releases.json", ReleasesDashboard.Build(config.Environment)),
        .. config.Apps.Keys.Order(StringComparer.Ordinal)
            .Select(app => ConfigMap($"dashboard-app-{app}", app, $"app-{app}.json", AppDashboard.Build(app))),
    ];

    public static string Json(OrderedDictionary<string, object?> dashboard) => JsonSerializer.Serialize(dashboard, Indented.OrderedDictionaryStringObject) + "\n";

    private static KubernetesObject ConfigMap(string name, string owner, string fileName, OrderedDictionary<string, object?> dashboard)
    {
        var labels = StandardLabels.Shared(owner, "dashboard");
        labels[SidecarLabel] = SidecarLabelValue;
        return Manifest.Object("v1", "ConfigMap", name, PlatformNamespaces.Monitoring, labels, ("data", Map((fileName, Json(dashboard)))));
    }

    /// <summary>A dashboard with the given panels laid out two per row.</summary>
    internal static OrderedDictionary<string, object?> Dashboard(string uid, string title, List<object?> annotations, params OrderedDictionary<string, object?>[] panels)
    {
        for (var index = 0; index < panels.Length; index++)
        {
            panels[index]["id"] = index + 1;
            panels[index]["gridPos"] = Map(("h", 8), ("w", 12), ("x", index % 2 * 12), ("y", index / 2 * 8));
        }
        return Map(
            ("uid", Uid(uid)),
            ("title", title),
            ("tags", Manifest.List("delivery-platform")),
            ("timezone", "utc"),
            ("editable", false),
            ("schemaVersion", 39),
            ("refresh", "30s"),
            ("time", Map(("from", "now-6h"), ("to", "now"))),
            ("annotations", Map(("list", annotations))),
            ("panels", List(panels)));
    }

    /// <summary>A Prometheus panel (<c>timeseries</c> or <c>stat</c>) with one query per (expression, legend).</summary>
    internal static OrderedDictionary<string, object?> PrometheusPanel(string type, string title, string unit, params (string Expr, string Legend)[] queries) =>
        Map(
            ("type", type),
            ("title", title),
            ("datasource", GrafanaDatasources.Ref("prometheus", GrafanaDatasources.PrometheusUid)),
            ("fieldConfig", Map(("defaults", Map(("unit", unit))), ("overrides", List()))),
            ("targets", Manifest.ListOf(queries.Select((query, index) => Map(
                ("refId", ((char)('A' + index)).ToString()),
                ("datasource", GrafanaDatasources.Ref("prometheus", GrafanaDatasources.PrometheusUid)),
                ("expr", query.Expr),
                ("legendFormat", query.Legend))))));

    internal static OrderedDictionary<string, object?> LogsPanel(string title, string logQuery) =>
        Map(
            ("type", "logs"),
            ("title", title),
            ("datasource", GrafanaDatasources.Ref("loki", GrafanaDatasources.LokiUid)),
            ("targets", Manifest.List(Map(
                ("refId", "A"),
                ("datasource", GrafanaDatasources.Ref("loki", GrafanaDatasources.LokiUid)),
                ("expr", logQuery)))));

    /// <summary>A dashboard's page under Grafana's URL (<c>/d/&lt;uid&gt;</c>: Grafana adds the slug itself).</summary>
    public static string Link(string grafanaUrl, string uid) => $"{grafanaUrl.TrimEnd('/')}/d/{Uid(uid)}";

    private static string Uid(string uid)
    {
        if (uid.Length <= MaxUidLength)
            return uid;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid)))[..10];
        return $"{uid[..(MaxUidLength - 11)]}-{hash}";
    }
}
