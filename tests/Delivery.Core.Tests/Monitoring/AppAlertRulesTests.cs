using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

public sealed class AppAlertRulesTests
{
    private const string Pod = "api-green-6d8f7c9b5d-x2x9q";
    private const string App = "job=\"api\",namespace=\"apps\"";

    // The dev tier's SLO: 1% errors, p95 500 ms.
    private static DeliveryConfig Config() => TestConfigs.Load(TestConfigs.ValidDev()).Config;

    [Fact]
    public void The_rule_is_a_valid_PrometheusRule_in_the_apps_namespace_with_clean_yaml()
    {
        var rule = AppAlertRules.Render(Config(), "api");

        Assert.Equal(("apps", "api-slo"), (rule.Namespace, rule.Name));
        SchemaCheck.AssertValid([rule]);
        YamlLint.AssertClean(YamlWriter.Write(rule.Body));
    }

    [Fact]
    public void The_rule_is_shared_by_both_slots_so_a_release_does_not_change_it()
    {
        var before = Config();
        var after = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:green", "1.6.0"), ("apps:api:blue", "1.5.0"))).Config;

        var rule = AppAlertRules.Render(before, "api");

        Assert.Equal(StandardLabels.Shared("api", "alerts"), rule.Labels.ToDictionary(l => l.Key, l => (string)l.Value!));
        Assert.DoesNotContain(StandardLabels.Version, rule.Labels.Keys);
        Assert.DoesNotContain(StandardLabels.Release, rule.Labels.Keys);
        Assert.True(RenderingDiff.Between([rule], [AppAlertRules.Render(after, "api")]).IsEmpty);
    }

    [Fact]
    public void Every_group_passes_promtool_check_rules()
    {
        var result = PromTool.CheckRules(PromTool.RuleFile(AppAlertRules.Render(Config(), "api")));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("SUCCESS: 7 rules found", result.All);
    }

    [Fact]
    public void Every_alert_has_severity_app_summary_and_description()
    {
        var rules = PromTool.RuleFile(AppAlertRules.Render(Config(), "api"));

        foreach (var alert in AllAlerts)
            Assert.Contains($"alert: {alert}", rules);
        Assert.Equal(AllAlerts.Length, rules.Split("severity: ").Length - 1);
        Assert.Equal(AllAlerts.Length, rules.Split("app: api").Length - 1);
        Assert.Equal(AllAlerts.Length, rules.Split("summary: ").Length - 1);
        Assert.Equal(AllAlerts.Length, rules.Split("description: ").Length - 1);
    }

    [Fact]
    public void The_app_slo_overrides_the_stack_slo_in_the_thresholds()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:slo:errorRateTarget", "0.002"), ("apps:api:slo:latencyP95Ms", "250"))).Config;

        var rules = PromTool.RuleFile(AppAlertRules.Render(config, "api"));
        var webRules = PromTool.RuleFile(AppAlertRules.Render(config, "web"));

        Assert.Contains("> 14.4 * 0.002", rules);
        Assert.Contains("> 0.25", rules);
        Assert.Contains("> 14.4 * 0.01", webRules);
        Assert.Contains("> 0.5", webRules);
    }

    [Fact]
    public void Each_alert_fires_on_series_that_breach_it_and_stays_silent_on_healthy_ones()
    {
        var rule = AppAlertRules.Render(Config(), "api");

        var result = PromTool.TestRules(PromTool.RuleFile(rule), AlertScenario.TestFile(rule, Scenarios()));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("SUCCESS", result.All);
    }

    [Fact]
    public void The_scenarios_would_catch_a_rule_that_never_fires()
    {
        var rule = AppAlertRules.Render(Config(), "api");
        var broken = PromTool.RuleFile(rule).Replace(" > 14.4 * 0.01", " > 14.4", StringComparison.Ordinal);

        var result = PromTool.TestRules(broken, AlertScenario.TestFile(rule, Scenarios().Where(s => s.Alert == AppAlertRules.FastBurn)));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"alertname: {AppAlertRules.FastBurn}", result.All);
    }

    [Fact]
    public void A_rolling_apps_pod_alerts_select_its_pods_named_without_a_slot()
    {
        var config = TestConfigs.Load(Validation.StrategyRulesTests.RollingWeb()).Config;
        var rule = AppAlertRules.Render(config, "web");
        const string rollingPod = "web-7c9d8f6b5-abcde";
        var podLabels = new Dictionary<string, string> { ["namespace"] = "apps", ["pod"] = rollingPod };
        AlertScenario[] scenarios =
        [
            new(AppAlertRules.PodsNotReady, "web pod unready for 15m",
                [($"kube_pod_status_ready{{namespace=\"apps\",pod=\"{rollingPod}\",condition=\"false\"}}", "1+0x30")], "15m", podLabels),
            new(AppAlertRules.PodsNotReady, "only other apps' pods are unready",
                [
                    ($"kube_pod_status_ready{{namespace=\"apps\",pod=\"{Pod}\",condition=\"false\"}}", "1+0x30"),
                    ("kube_pod_status_ready{namespace=\"apps\",pod=\"web-x-7c9d8f6b5-abcde\",condition=\"false\"}", "1+0x30"),
                ], "15m", null),
            new(AppAlertRules.CrashLooping, "a restart a minute",
                [($"kube_pod_container_status_restarts_total{{namespace=\"apps\",pod=\"{rollingPod}\",container=\"app\"}}", "0+1x40")], "30m", podLabels),
        ];

        var result = PromTool.TestRules(PromTool.RuleFile(rule), AlertScenario.TestFile(rule, scenarios));

        Assert.True(result.ExitCode == 0, result.All);
    }

    private static readonly string[] AllAlerts =
    [
        AppAlertRules.FastBurn, AppAlertRules.SlowBurn, AppAlertRules.LatencyOverBudget, AppAlertRules.LatencyRegression,
        AppAlertRules.PodsNotReady, AppAlertRules.CrashLooping, AppAlertRules.ReleaseDeployed,
    ];

    private static readonly Dictionary<string, string> NoLabels = [];

    private static IEnumerable<AlertScenario> Scenarios()
    {
        // Errors: 5xx and 2xx request counters, per minute.
        yield return new(AppAlertRules.FastBurn, "20% errors for an hour", Requests(errorsPerMinute: 120, okPerMinute: 480, minutes: 90), "70m", NoLabels);
        yield return new(AppAlertRules.FastBurn, "1% errors", Requests(errorsPerMinute: 6, okPerMinute: 594, minutes: 90), "70m", null);
        yield return new(AppAlertRules.SlowBurn, "10% errors for 6 hours", Requests(errorsPerMinute: 60, okPerMinute: 540, minutes: 400), "390m", NoLabels);
        yield return new(AppAlertRules.SlowBurn, "0.5% errors", Requests(errorsPerMinute: 3, okPerMinute: 597, minutes: 400), "390m", null);

        // Latency: cumulative bucket counters per minute for le 0.1, 0.25, 0.5, 1, +Inf.
        int[] slow = [0, 0, 10, 100, 100], fast = [90, 100, 100, 100, 100];
        yield return new(AppAlertRules.LatencyOverBudget, "p95 near 1s", Buckets(slow, 30), "25m", NoLabels);
        yield return new(AppAlertRules.LatencyOverBudget, "p95 near 0.2s", Buckets(fast, 30), "25m", null);
        // Yesterday p95 ~0.24s, today ~0.48s (still within the 0.5s budget).
        int[] yesterday = [50, 100, 100, 100, 100], today = [0, 50, 100, 100, 100];
        yield return new(AppAlertRules.LatencyRegression, "p95 doubled since yesterday", Buckets(yesterday, today), "1490m", NoLabels);
        yield return new(AppAlertRules.LatencyRegression, "p95 as yesterday", Buckets(yesterday, 1500), "1490m", null);

        // Pods, from kube-state-metrics.
        var podLabels = new Dictionary<string, string> { ["namespace"] = "apps", ["pod"] = Pod };
        yield return new(AppAlertRules.PodsNotReady, "api pod unready for 15m",
            [($"kube_pod_status_ready{{namespace=\"apps\",pod=\"{Pod}\",condition=\"false\"}}", "1+0x30")], "15m", podLabels);
        yield return new(AppAlertRules.PodsNotReady, "only another app's pod is unready",
            [
                ($"kube_pod_status_ready{{namespace=\"apps\",pod=\"{Pod}\",condition=\"false\"}}", "0+0x30"),
                ("kube_pod_status_ready{namespace=\"apps\",pod=\"web-blue-7c9d8f6b5-abcde\",condition=\"false\"}", "1+0x30"),
            ], "15m", null);
        yield return new(AppAlertRules.CrashLooping, "a restart a minute",
            [($"kube_pod_container_status_restarts_total{{namespace=\"apps\",pod=\"{Pod}\",container=\"app\"}}", "0+1x40")], "30m", podLabels);
        yield return new(AppAlertRules.CrashLooping, "restarted long ago",
            [($"kube_pod_container_status_restarts_total{{namespace=\"apps\",pod=\"{Pod}\",container=\"app\"}}", "3+0x40")], "30m", null);

        // Release notices, from the scrape targets' up series.
        var newRelease = new Dictionary<string, string>
        {
            ["delivery_platform_release"] = "1.5.0-0a1b2c3d4e",
            ["app_kubernetes_io_version"] = "1.5.0",
            ["delivery_platform_slot"] = "green",
        };
        (string, string)[] releases =
        [
            ($"up{{{App},delivery_platform_release=\"1.4.2-9f8e7d6c5b\",app_kubernetes_io_version=\"1.4.2\",delivery_platform_slot=\"blue\"}}", "1+0x60"),
            ($"up{{{App},delivery_platform_release=\"1.5.0-0a1b2c3d4e\",app_kubernetes_io_version=\"1.5.0\",delivery_platform_slot=\"green\"}}", "_x30 1+0x30"),
        ];
        yield return new(AppAlertRules.ReleaseDeployed, "a release appeared 5 minutes ago", releases, "35m", newRelease);
        yield return new(AppAlertRules.ReleaseDeployed, "the release is 25 minutes old", releases, "55m", null);
    }

    private static (string, string)[] Requests(int errorsPerMinute, int okPerMinute, int minutes) =>
    [
        ($"http_server_request_duration_seconds_count{{{App},http_response_status_code=\"500\"}}", $"0+{errorsPerMinute}x{minutes}"),
        ($"http_server_request_duration_seconds_count{{{App},http_response_status_code=\"200\"}}", $"0+{okPerMinute}x{minutes}"),
    ];

    private static readonly string[] Bounds = ["0.1", "0.25", "0.5", "1", "+Inf"];

    private static (string, string)[] Buckets(int[] perMinute, int minutes) =>
        [.. Bounds.Select((le, i) => (Bucket(le), $"0+{perMinute[i]}x{minutes}"))];

    /// <summary>A day (1440 minutes) of one distribution, then an hour of another, as one counter.</summary>
    private static (string, string)[] Buckets(int[] firstDay, int[] thenHour) =>
        [.. Bounds.Select((le, i) => (Bucket(le), $"0+{firstDay[i]}x1440 {firstDay[i] * 1440 + thenHour[i]}+{thenHour[i]}x59"))];

    private static string Bucket(string le) => $"http_server_request_duration_seconds_bucket{{{App},le=\"{le}\"}}";
}
