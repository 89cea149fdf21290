using System.Text.Json;
using Delivery.Core.Kubernetes;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Monitoring;

public sealed class GrafanaDashboardsTests
{
    private static IReadOnlyList<KubernetesObject> Render() => GrafanaDashboards.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config);

    private static JsonElement Dashboard(KubernetesObject configMap) =>
        JsonDocument.Parse((string)((OrderedDictionary<string, object?>)configMap.Body["data"]!).Values.Single()!).RootElement;

    private static IEnumerable<JsonElement> Targets(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray().SelectMany(panel => panel.GetProperty("targets").EnumerateArray());

    [Fact]
    public void One_overview_and_one_dashboard_per_app_in_configmaps_the_sidecar_loads()
    {
        var configMaps = Render();

        Assert.Equal(["dashboard-platform-overview", "dashboard-platform-releases", "dashboard-app-api", "dashboard-app-web"], configMaps.Select(c => c.Name));
        Assert.All(configMaps, c => Assert.Equal((object)"1", c.Labels["grafana_dashboard"]));
        Assert.All(configMaps, c => Assert.Equal(PlatformNamespaces.Monitoring, c.Namespace));
        SchemaCheck.AssertValid(configMaps);
        YamlLint.AssertClean(YamlWriter.WriteAll(configMaps));
    }

    [Fact]
    public void The_json_is_deterministic_and_valid()
    {
        Assert.Equal(YamlWriter.WriteAll(Render()), YamlWriter.WriteAll(Render()));
        Assert.All(Render(), c => Assert.Equal(JsonValueKind.Object, Dashboard(c).ValueKind));
    }

    [Fact]
    public void The_app_dashboard_shows_red_by_slot_and_version_the_live_slot_and_releases()
    {
        var dashboard = Dashboard(Render().Single(c => c.Name == "dashboard-app-api"));

        var titles = dashboard.GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Equal(
            ["Request rate by slot and version", "Error ratio (5xx) by slot and version", "p95 duration by slot and version", "Traffic share by slot (live slot)", "Logs"],
            titles);
        var prometheus = Targets(dashboard).Where(t => t.GetProperty("datasource").GetProperty("uid").GetString() == GrafanaDatasources.PrometheusUid).ToList();
        Assert.All(prometheus, t => Assert.Contains("job=\"api\",namespace=\"apps\"", t.GetProperty("expr").GetString()));
        Assert.All(prometheus.Take(3), t => Assert.Contains("delivery_platform_slot, app_kubernetes_io_version", t.GetProperty("expr").GetString()));
        var releases = dashboard.GetProperty("annotations").GetProperty("list")[0];
        Assert.Contains($"alertname=\"{AppAlertRules.ReleaseDeployed}\",app=\"api\"", releases.GetProperty("expr").GetString());
        Assert.Equal("Release {{release}}", releases.GetProperty("titleFormat").GetString());
    }

    [Fact]
    public void The_releases_board_shows_live_release_slots_failed_releases_and_release_annotations()
    {
        var dashboard = Dashboard(Render().Single(c => c.Name == "dashboard-platform-releases"));

        Assert.Equal("Releases (dev)", dashboard.GetProperty("title").GetString());
        var panels = dashboard.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(["Live release per app", "Each slot's release and when its pods started", "Releases with pods not ready", "Ready pods by release"],
            panels.Select(p => p.GetProperty("title").GetString()));
        var live = panels[0].GetProperty("targets")[0].GetProperty("expr").GetString()!;
        // The live slot is the one behind the app's own Service (Endpoints named after the app), not a slot Service.
        Assert.Contains("kube_endpoint_address{namespace=\"apps\",ready=\"true\"}", live, StringComparison.Ordinal);
        Assert.Contains("\"label_app_kubernetes_io_name\", \"$1\", \"endpoint\", \"(.+)\")", live, StringComparison.Ordinal);
        Assert.All(panels.Take(3), p => Assert.True(p.GetProperty("targets")[0].GetProperty("instant").GetBoolean()));
        Assert.Equal("dateTimeAsIso", panels[1].GetProperty("fieldConfig").GetProperty("defaults").GetProperty("unit").GetString());
        Assert.Contains("AppReleaseDeployed|AppReleaseNotReady", dashboard.GetProperty("annotations").GetProperty("list")[0].GetProperty("expr").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_prometheus_query_parses_with_promtool()
    {
        var queries = Render()
            .SelectMany(c => Targets(Dashboard(c)).Concat(Dashboard(c).GetProperty("annotations").GetProperty("list").EnumerateArray()))
            .Where(t => t.GetProperty("datasource").GetProperty("uid").GetString() == GrafanaDatasources.PrometheusUid)
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        // Each query as a recording rule, which promtool parses and type-checks.
        var rules = YamlWriter.Write(Map(("groups", new List<object?>
        {
            Map(("name", "dashboard-queries"), ("rules", queries.Select((expr, i) => (object?)Map(("record", $"dashboard:query_{i}"), ("expr", expr))).ToList())),
        })));

        var result = PromTool.CheckRules(rules);

        Assert.True(queries.Count >= 12, $"{queries.Count} queries");
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void A_long_app_name_still_gets_a_grafana_uid_of_at_most_40_characters()
    {
        var name = new string('a', 57);

        var uid = AppDashboard.Build(name)["uid"] as string;

        Assert.True(uid!.Length <= 40, uid);
        Assert.NotEqual(AppDashboard.Build(name[..56] + "b")["uid"], uid);
    }
}
