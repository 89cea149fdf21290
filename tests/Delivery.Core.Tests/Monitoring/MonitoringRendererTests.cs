using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Monitoring;

public sealed class MonitoringRendererTests
{
    private static LoadedConfig Stack(string name) =>
        DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(name)), TestConfigs.NoEnvironment);

    private static OrderedDictionary<string, object?> At(OrderedDictionary<string, object?> values, params string[] path) =>
        path.Aggregate(values, (node, key) => (OrderedDictionary<string, object?>)node[key]!);

    [Fact]
    public void Disabled_monitoring_renders_nothing()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("monitoring:enabled", "false"))).Config;

        var rendering = MonitoringRenderer.Render(config.Valid(Tier.Dev));

        Assert.Equal("monitoring", rendering.Component);
        Assert.Empty(rendering.Objects);
        Assert.Empty(rendering.Charts);
        Assert.Empty(rendering.Secrets);
        Assert.Empty(rendering.Passwords);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_object_of_every_committed_stack_is_schema_valid_and_lint_clean(string stack)
    {
        var loaded = Stack(stack);

        var rendering = MonitoringRenderer.Render(loaded.Valid());

        SchemaCheck.AssertValid(rendering.Objects);
        YamlLint.AssertClean(YamlWriter.WriteAll(rendering.Objects));
        // Only the node agent that needs the host runs in the privileged namespace.
        Assert.All(rendering.Charts, chart => Assert.Equal(chart.ReleaseName == "alloy" ? PlatformNamespaces.MonitoringAgents : PlatformNamespaces.Monitoring, chart.Namespace));
    }

    [Fact]
    public void The_charts_are_the_pinned_monitoring_stack()
    {
        var rendering = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev));

        Assert.Equal(
            [
                "kube-prometheus-stack@72.9.1", "loki@6.29.0", "alloy@0.12.5", "tempo@1.24.1",
                "opentelemetry-collector@0.158.2", "trivy-operator@0.28.1",
            ],
            rendering.Charts.Select(c => $"{c.Chart}@{c.Version}"));
    }

    /// <summary>
    /// Tempo 1.24.1 passes <c>-mem-ballast-size-mbs</c> from <c>tempo.memBallastSizeMbs</c>, 1024 by
    /// default (docs/charts/tempo-1.24.1.yaml): a ballast makes the Go GC wait until the heap is about
    /// twice its size, so twice the ballast must fit under Tempo's memory limit in every tier.
    /// </summary>
    [Theory]
    [InlineData(Tier.Local)]
    [InlineData(Tier.Dev)]
    [InlineData(Tier.Staging)]
    [InlineData(Tier.Prod)]
    public void Tempos_memory_ballast_leaves_room_under_its_memory_limit(Tier tier)
    {
        const long ChartDefaultBallastMb = 1024;
        var tempo = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(tier)).Charts.Single(c => c.Chart == "tempo");

        var ballastMb = At(tempo.Values, "tempo").GetValueOrDefault("memBallastSizeMbs") is int set ? set : ChartDefaultBallastMb;
        var limit = Quantities.Require((string)At(tempo.Values, "tempo", "resources", "limits")["memory"]!);

        Assert.True(2 * ballastMb * 1024 * 1024 < limit, $"a {ballastMb} MB ballast lets Tempo's heap reach about {2 * ballastMb} MB, over its {limit / (1024 * 1024)} Mi limit");
    }

    [Fact]
    public void Retention_and_storage_size_apply_to_prometheus_loki_and_tempo()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("monitoring:retentionDays", "7"), ("monitoring:storageSize", "40Gi"))).Config;

        var charts = MonitoringRenderer.Render(config.Valid(Tier.Dev)).Charts.ToDictionary(c => c.Chart);

        var prometheus = At(charts["kube-prometheus-stack"].Values, "prometheus", "prometheusSpec");
        Assert.Equal("7d", prometheus["retention"]);
        Assert.Equal("34816MB", prometheus["retentionSize"]); // 85% of 40 GiB
        Assert.Equal("40Gi", At(prometheus, "storageSpec", "volumeClaimTemplate", "spec", "resources", "requests")["storage"]);
        Assert.Equal("168h", At(charts["loki"].Values, "loki", "limits_config")["retention_period"]);
        Assert.Equal("40Gi", At(charts["loki"].Values, "singleBinary", "persistence")["size"]);
        Assert.Equal("168h", At(charts["tempo"].Values, "tempo")["retention"]);
        Assert.Equal("40Gi", At(charts["tempo"].Values, "persistence")["size"]);
    }

    /// <summary>
    /// Issue #22, findings 3 and 8. What the values mean comes from the charts' facts
    /// (docs/charts): the operator adds --web.enable-lifecycle unless reloadStrategy is
    /// ProcessSignal, which kube-prometheus-stack passes only through additionalConfig; Loki's
    /// compactor takes deletes unless deletion_mode is disabled, and its ruler API is on with enable_api.
    /// </summary>
    [Fact]
    public void Nobody_can_stop_prometheus_or_delete_logs_and_rules_over_http()
    {
        var charts = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev)).Charts.ToDictionary(c => c.Chart);

        Assert.Equal("ProcessSignal", At(charts["kube-prometheus-stack"].Values, "prometheus", "prometheusSpec", "additionalConfig")["reloadStrategy"]);
        Assert.Equal("disabled", At(charts["loki"].Values, "loki", "limits_config")["deletion_mode"]);
        Assert.Equal(false, At(charts["loki"].Values, "loki", "rulerConfig")["enable_api"]);
    }

    [Fact]
    public void Retention_hours_never_wrap_even_past_validation()
    {
        // Validation stops this (monitoring.retentionDays is at most 106751); the hours must still not wrap negative.
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("monitoring:retentionDays", "2147483647"))).Config;

        var charts = MonitoringRenderer.Render(config.Valid(Tier.Dev)).Charts.ToDictionary(c => c.Chart);

        Assert.Equal("51539607528h", At(charts["loki"].Values, "loki", "limits_config")["retention_period"]);
        Assert.Equal("51539607528h", At(charts["tempo"].Values, "tempo")["retention"]);
    }

    [Fact]
    public void Prod_gets_more_resources_than_local()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;
        string PrometheusMemory(Tier tier) =>
            (string)At(MonitoringRenderer.Render(config.Valid(tier)).Charts[0].Values, "prometheus", "prometheusSpec", "resources", "requests")["memory"]!;

        Assert.Equal("256Mi", PrometheusMemory(Tier.Local));
        Assert.Equal("2048Mi", PrometheusMemory(Tier.Prod));
    }

    [Fact]
    public void Grafana_reads_its_admin_from_a_secret_with_a_generated_password()
    {
        var rendering = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev));

        var admin = At(rendering.Charts[0].Values, "grafana", "admin");
        var secret = rendering.Secrets.Single(s => s.Name == (string)admin["existingSecret"]!);
        Assert.Equal([admin["userKey"], admin["passwordKey"]], secret.Entries.Select(e => (object?)e.Key));
        Assert.Equal(new GeneratedPasswordSource(MonitoringRenderer.GrafanaAdminPassword.Name), secret.Entries[1].Source);
        Assert.Contains(MonitoringRenderer.GrafanaAdminPassword, rendering.Passwords);
        Assert.DoesNotContain("adminPassword", YamlWriter.Write(rendering.Charts[0].Values));
    }

    [Fact]
    public void Alertmanager_mounts_the_webhook_secret_only_when_a_receiver_is_set()
    {
        var secrets = TestConfigs.Secrets();
        secrets["monitoring:receivers:critical:webhookUrl"] = "https://pager.example.com/hooks/token";
        var withReceiver = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev(), secrets).Config.Valid(Tier.Dev));
        var without = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev));

        Assert.Equal([AlertmanagerConfig.ReceiverSecretName], (List<object?>)At(withReceiver.Charts[0].Values, "alertmanager", "alertmanagerSpec")["secrets"]!);
        Assert.Contains(withReceiver.Secrets, s => s.Name == AlertmanagerConfig.ReceiverSecretName);
        Assert.False(At(without.Charts[0].Values, "alertmanager", "alertmanagerSpec").ContainsKey("secrets"));
        Assert.DoesNotContain(without.Secrets, s => s.Name == AlertmanagerConfig.ReceiverSecretName);
        Assert.DoesNotContain("pager.example.com", YamlWriter.Write(withReceiver.Charts[0].Values));
    }

    [Fact]
    public void Grafana_gets_loki_and_tempo_next_to_prometheus_and_the_dashboards_label()
    {
        var values = MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev)).Charts[0].Values;

        var sources = ((List<object?>)At(values, "grafana")["additionalDataSources"]!).Cast<OrderedDictionary<string, object?>>().ToList();
        Assert.Equal([GrafanaDatasources.LokiUid, GrafanaDatasources.TempoUid], sources.Select(s => s["uid"]));
        var sidecar = At(values, "grafana", "sidecar", "dashboards");
        Assert.Equal((GrafanaDashboards.SidecarLabel, GrafanaDashboards.SidecarLabelValue), ((string)sidecar["label"]!, (string)sidecar["labelValue"]!));
    }
}
