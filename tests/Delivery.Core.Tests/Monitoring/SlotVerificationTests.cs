using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// The verdict logic of deliver verify on given measurements (the real-Prometheus tests are in
/// Deliver.Tests), and its PromQL checked by promtool, selector for selector the alert rules'.
/// </summary>
public sealed class SlotVerificationTests
{
    private static DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    /// <summary>api: green (1.5.0) live, blue (1.4.2) the candidate; dev defaults: 1% errors, 500 ms, 50 requests, +20%.</summary>
    private static SlotVerification Candidate(params (string Key, string? Value)[] changes) => new(Config(changes).Valid(), "api", Slot.Blue);

    private static Func<string, double?> Measured(SlotVerification verification, double? requests, double? errors, double? p95, double? liveRequests = 1000, double? liveP95 = 0.1) =>
        query => query == verification.RequestsQuery ? requests
            : query == verification.ErrorRatioQuery ? errors
            : query == verification.P95Query ? p95
            : query == verification.LiveRequestsQuery ? liveRequests
            : query == verification.LiveP95Query ? liveP95
            : throw new InvalidOperationException($"unexpected query {query}");

    [Fact]
    public void The_tier_defaults_set_the_window_minimum_and_regression()
    {
        var settings = VerifySettings.For(Config(), "api");

        Assert.Equal(new VerifySettings(50, "5m", TimeSpan.FromMinutes(2), 20), settings);
    }

    [Fact]
    public void An_apps_own_verify_settings_win_over_the_stacks()
    {
        var settings = VerifySettings.For(Config(("verify:minRequests", "10"), ("apps:api:verify:minRequests", "500"), ("apps:api:verify:bakeTime", "15m")), "api");

        Assert.Equal((500, TimeSpan.FromMinutes(15)), (settings.MinRequests, settings.BakeTime));
        Assert.Equal(10, VerifySettings.For(Config(("verify:minRequests", "10")), "web").MinRequests);
    }

    [Fact]
    public void Within_every_threshold_passes()
    {
        var verification = Candidate();

        var report = verification.Run(Measured(verification, 600, 0.002, 0.11));

        Assert.Equal(VerifyVerdict.Pass, report.Verdict);
        Assert.Equal(["requests", "5xx ratio", "p95 latency", "p95 vs live"], report.Checks.Select(c => c.Check));
        Assert.Equal($"pass: api blue (1.4.2, release {report.Release}) over 5m: every check within its threshold.", report.Summary);
        Assert.Equal(ReleaseId.Of(Config().Valid(), "api", Slot.Blue), report.Release);
    }

    [Fact]
    public void One_request_short_of_the_minimum_is_not_enough_traffic_whatever_the_rest()
    {
        var verification = Candidate();

        var report = verification.Run(Measured(verification, 49, 0, 0.01));

        Assert.Equal(VerifyVerdict.NotEnoughTraffic, report.Verdict);
        Assert.Equal(["not enough traffic", "not judged", "not judged", "not judged"], report.Checks.Select(c => c.Verdict));
    }

    [Fact]
    public void No_sample_or_NaN_for_a_judged_check_fails_it()
    {
        var verification = Candidate();

        var report = verification.Run(Measured(verification, 600, double.NaN, null));

        Assert.Equal(VerifyVerdict.Fail, report.Verdict);
        Assert.Equal(("no data", "fail"), (report.Checks[1].Measured, report.Checks[1].Verdict));
        Assert.Equal(("no data", "fail"), (report.Checks[2].Measured, report.Checks[2].Verdict));
    }

    [Theory]
    [InlineData(0.0101, 0.1, 0.1, "5xx ratio")]
    [InlineData(0.0, 0.5001, 0.45, "p95 latency")]
    [InlineData(0.0, 0.1201, 0.1, "p95 vs live")]
    public void Just_over_a_threshold_fails_that_check(double errors, double p95, double liveP95, string failing)
    {
        var verification = Candidate();

        var report = verification.Run(Measured(verification, 600, errors, p95, liveP95: liveP95));

        Assert.Equal(VerifyVerdict.Fail, report.Verdict);
        Assert.Equal([failing], report.Checks.Where(c => c.Verdict == "fail").Select(c => c.Check));
    }

    [Fact]
    public void Exactly_at_the_regression_bound_passes()
    {
        var verification = Candidate();

        Assert.Equal(VerifyVerdict.Pass, verification.Run(Measured(verification, 600, 0, 0.12, liveP95: 0.1)).Verdict);
    }

    [Fact]
    public void A_quiet_live_slot_gives_no_baseline_and_does_not_fail_the_candidate()
    {
        var verification = Candidate();

        var report = verification.Run(Measured(verification, 600, 0, 0.1, liveRequests: 3, liveP95: 0.01));

        Assert.Equal(VerifyVerdict.Pass, report.Verdict);
        Assert.Equal(("p95 vs live", "no baseline"), (report.Checks[3].Check, report.Checks[3].Verdict));
    }

    /// <summary>A rolling update mixes old and new pods for a while: only the new release's count.</summary>
    [Fact]
    public void A_rolling_app_is_judged_on_its_current_release_only()
    {
        var config = TestConfigs.Load(Validation.StrategyRulesTests.RollingWeb()).Config;

        var verification = new SlotVerification(config.Valid(), "web", Slot.Rolling);

        Assert.All(verification.Queries, query => Assert.Contains($"delivery_platform_slot=\"rolling\",delivery_platform_release=\"{ReleaseId.Of(config.Valid(), "web", Slot.Rolling)}\"", query, StringComparison.Ordinal));
    }

    [Fact]
    public void The_live_slot_is_held_to_the_slo_only()
    {
        var config = Config();
        var verification = new SlotVerification(config.Valid(), "api", Slot.Green, "30s");

        Assert.False(verification.IsCandidate);
        Assert.Equal(3, verification.Queries.Count);
        Assert.All(verification.Queries, query => Assert.Contains($"delivery_platform_slot=\"green\",delivery_platform_release=\"{ReleaseId.Of(config.Valid(), "api", Slot.Green)}\"}}[30s]", query, StringComparison.Ordinal));
    }

    [Fact]
    public void The_slot_label_is_the_one_the_ServiceMonitor_attaches()
    {
        var monitor = AppServiceMonitor.Render("api", AppObjectNames.HttpPort);
        var spec = (OrderedDictionary<string, object?>)monitor.Body["spec"]!;

        Assert.Contains(StandardLabels.SlotLabel, (List<object?>)spec["podTargetLabels"]!);
        // Prometheus turns every character outside [a-zA-Z0-9_] of a Kubernetes label into '_'.
        Assert.Equal(AppSeries.SlotLabel, StandardLabels.SlotLabel.Replace('/', '_').Replace('-', '_').Replace('.', '_'));
        Assert.Equal(StandardLabels.Name, spec["jobLabel"]);
    }

    [Fact]
    public void The_gate_watches_the_very_expression_the_fast_burn_alert_fires_on()
    {
        var config = Config();
        var rule = AppAlertRules.Render(config, "api");

        var alert = Rules(rule).Single(r => (string?)r["alert"] == AppAlertRules.FastBurn);

        Assert.Equal(alert["expr"], ReleaseGate.BurnQueries(config).Single(q => q.App == "api").Query);
    }

    [Fact]
    public void Every_query_verify_and_gate_run_passes_promtool()
    {
        var config = Config();
        var queries = new[] { Slot.Blue, Slot.Green }.SelectMany(slot => new SlotVerification(config.Valid(), "api", slot).Queries)
            .Concat(ReleaseGate.BurnQueries(config).Select(q => q.Query))
            .Distinct()
            .ToList();

        var result = PromTool.CheckRules(RecordingRules(queries));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"SUCCESS: {queries.Count} rules found", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Promtool_rejects_a_typo_in_such_a_query()
    {
        var broken = new SlotVerification(Config().Valid(), "api", Slot.Blue).ErrorRatioQuery.Replace("rate(", "rate((", StringComparison.Ordinal);

        Assert.NotEqual(0, PromTool.CheckRules(RecordingRules([broken])).ExitCode);
    }

    private static string RecordingRules(IReadOnlyList<string> queries) =>
        YamlWriter.Write(Map(("groups", List(Map(("name", "verify"), ("rules", ListOf(queries.Select((query, i) => Map(("record", $"verify:query_{i}"), ("expr", query))))))))));

    private static IEnumerable<OrderedDictionary<string, object?>> Rules(KubernetesObject rule) =>
        ((List<object?>)((OrderedDictionary<string, object?>)rule.Body["spec"]!)["groups"]!)
            .Cast<OrderedDictionary<string, object?>>()
            .SelectMany(group => ((List<object?>)group["rules"]!).Cast<OrderedDictionary<string, object?>>());
}
