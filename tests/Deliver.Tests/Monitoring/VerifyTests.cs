using System.Text.Json;
using Delivery.Core.Io;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// deliver verify against a real Prometheus scraping real /metrics: every verdict kind, from the
/// same series and PromQL the alert rules use.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class VerifyTests(MonitoringFixture monitoring)
{
    private static readonly TestApp[] Apps = [.. new[] { "healthy", "erroring", "slow", "regressed", "quiet" }.Select(name => new TestApp(name, "1.0.0", "1.1.0", "blue"))];

    private (int ExitCode, string Output, string Error, JsonElement Report) Verify(string app, params string[] extra)
    {
        using var project = new GatesProject(Apps);
        var result = project.Deliver(["verify", app, "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl, "--window", MonitoringFixture.Window, "--json", .. extra]);
        var report = result.ExitCode == 2 ? default : JsonDocs.AssertDocumented("verify", result.Output);
        return (result.ExitCode, result.Output, result.Error, report);
    }

    private static JsonElement Check(JsonElement report, string name) =>
        report.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("check").GetString() == name);

    private static string Verdict(JsonElement report, string check) => Check(report, check).GetProperty("verdict").GetString()!;

    [Fact]
    public void A_healthy_candidate_passes_with_every_check_measured()
    {
        var (code, _, error, report) = Verify("healthy");

        Assert.True(code == 0, error);
        Assert.Equal("pass", report.GetProperty("verdict").GetString());
        Assert.All(report.GetProperty("checks").EnumerateArray(), check => Assert.Equal("pass", check.GetProperty("verdict").GetString()));
        Assert.InRange(Check(report, "requests").GetProperty("value").GetDouble(), 50, 400);
        Assert.Equal(0, Check(report, "5xx ratio").GetProperty("value").GetDouble());
        Assert.InRange(Check(report, "p95 latency").GetProperty("value").GetDouble(), 0.025, 0.05);
        Assert.Contains("delivery_platform_slot=\"green\"", Check(report, "requests").GetProperty("query").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_erroring_candidate_fails_on_its_5xx_ratio()
    {
        var (code, _, _, report) = Verify("erroring");

        Assert.Equal(1, code);
        Assert.Equal("fail", report.GetProperty("verdict").GetString());
        Assert.Equal("fail", Verdict(report, "5xx ratio"));
        Assert.InRange(Check(report, "5xx ratio").GetProperty("value").GetDouble(), 0.15, 0.25);
        Assert.Equal("pass", Verdict(report, "p95 latency"));
        Assert.StartsWith("fail: erroring green (1.1.0, release 1.1.0-", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_candidate_fails_on_latency_though_no_slower_than_live()
    {
        var (code, _, _, report) = Verify("slow");

        Assert.Equal(1, code);
        Assert.Equal("fail", Verdict(report, "p95 latency"));
        Assert.InRange(Check(report, "p95 latency").GetProperty("value").GetDouble(), 0.75, 1.0);
        Assert.Equal("pass", Verdict(report, "p95 vs live"));
        Assert.Equal("pass", Verdict(report, "5xx ratio"));
    }

    [Fact]
    public void A_candidate_within_budget_but_much_slower_than_live_fails_on_regression()
    {
        var (code, _, _, report) = Verify("regressed");

        Assert.Equal(1, code);
        Assert.Equal("pass", Verdict(report, "p95 latency"));
        Assert.Equal("fail", Verdict(report, "p95 vs live"));
        Assert.Contains("(live p95 +20%)", Check(report, "p95 vs live").GetProperty("threshold").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_without_traffic_is_not_enough_traffic_never_a_pass()
    {
        var (code, _, _, report) = Verify("quiet");

        Assert.Equal(1, code);
        Assert.Equal("not-enough-traffic", report.GetProperty("verdict").GetString());
        Assert.Equal("not enough traffic", Verdict(report, "requests"));
        Assert.Equal("not judged", Verdict(report, "5xx ratio"));
        Assert.StartsWith("not enough traffic: quiet green (1.1.0, release 1.1.0-", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_live_slot_is_judged_on_its_own_without_a_regression_row()
    {
        var (code, _, error, report) = Verify("healthy", "--slot", "live");

        Assert.True(code == 0, error);
        Assert.Equal("blue", report.GetProperty("slot").GetString());
        Assert.Equal(["requests", "5xx ratio", "p95 latency"], report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()));
    }

    [Fact]
    public void The_table_shows_check_promql_measured_threshold_and_verdict()
    {
        using var project = new GatesProject(Apps);

        var result = project.Deliver("verify", "erroring", "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl, "--window", MonitoringFixture.Window);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Equal("| check | PromQL | measured | threshold | verdict |", lines[0]);
        Assert.Matches(@"^\| 5xx ratio \| `\(\(sum\(rate\(http_server_request_duration_seconds_count\{job=""erroring"",namespace=""apps"",delivery_platform_slot=""green"",delivery_platform_release=""1\.1\.0-[0-9a-f]{10}"",http_response_status_code=~""5\.\.""\}\[10s\]\)\).*` \| [12]\d(\.\d+)?% \| <= 1% \(slo.errorRateTarget\) \| fail \|$", lines.Single(l => l.StartsWith("| 5xx ratio", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("unreachable", "cannot judge: Prometheus at http://127.0.0.1:{port}/ is unreachable")]
    [InlineData("not a URL", "cannot judge: --prometheus \"ftp://x\" is not an http(s) URL")]
    public void When_Prometheus_cannot_answer_verify_cannot_judge_in_one_line(string what, string expected)
    {
        using var project = new GatesProject(Apps);
        var port = LocalServer.FreePort();
        var url = what == "unreachable" ? $"http://127.0.0.1:{port}" : "ftp://x";

        var result = project.Deliver("verify", "healthy", "--stack", GatesProject.Stack, "--prometheus", url);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void A_query_Prometheus_rejects_cannot_judge_naming_its_error()
    {
        var error = Assert.Throws<CannotJudgeException>(() => monitoring.Query("sum(rate(http_server_request_duration_seconds_count[5x]))"));

        Assert.StartsWith("cannot judge: Prometheus rejected the query (bad_data: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Something_that_is_not_Prometheus_cannot_judge()
    {
        using var project = new GatesProject(Apps);

        var result = project.Deliver("verify", "healthy", "--stack", GatesProject.Stack, "--prometheus", $"http://127.0.0.1:{monitoring.MetricsPort}/nothing-here");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("without a Prometheus API response; is it Prometheus?", result.Error, StringComparison.Ordinal);
    }

    /// <summary>#21 defect 5: green ran a bad build; a good one promoted minutes later is judged on its own pods' data only.</summary>
    [Fact]
    public void A_build_promoted_after_a_bad_one_is_judged_on_its_own_release_not_the_slots_history()
    {
        using var project = new GatesProject(new TestApp("replaced", "1.0.0", "1.1.0", "blue"));
        var bad = project.Deliver("verify", "replaced", "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl, "--window", MonitoringFixture.Window);
        Assert.True(bad.ExitCode == 1 && bad.Output.Contains("fail: replaced green (1.1.0", StringComparison.Ordinal), bad.Output + bad.Error);
        project.Step("promote 1.2.0", "promote", "replaced", "1.2.0");
        monitoring.Metrics.Serve("replaced", "green", SlotProfile.Healthy);
        monitoring.Deploy(project.StackText);
        try
        {
            // The bad build's series stay in the window for a while: only the new release's count.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            JsonElement report;
            do
            {
                Thread.Sleep(1000);
                var result = project.Deliver("verify", "replaced", "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl, "--window", MonitoringFixture.Window, "--json");
                report = JsonDocument.Parse(result.Output).RootElement;
                Assert.NotEqual("fail", report.GetProperty("verdict").GetString());
            }
            while (report.GetProperty("verdict").GetString() != "pass" && DateTime.UtcNow < deadline);

            Assert.Equal("pass", report.GetProperty("verdict").GetString());
            Assert.StartsWith("1.2.0-", report.GetProperty("release").GetString(), StringComparison.Ordinal);
            Assert.Contains($"delivery_platform_release=\"{report.GetProperty("release").GetString()}\"", Check(report, "requests").GetProperty("query").GetString(), StringComparison.Ordinal);
            Assert.Contains($"(1.2.0, release {report.GetProperty("release").GetString()}) over 10s", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            using var original = new GatesProject(new TestApp("replaced", "1.0.0", "1.1.0", "blue"));
            monitoring.Deploy(original.StackText);
            monitoring.Metrics.Serve("replaced", "green", SlotProfile.Healthy with { ErrorRatio = 0.2 });
        }
    }

    [Fact]
    public void A_bad_window_or_an_unstaged_slot_cannot_judge()
    {
        using var project = new GatesProject(new TestApp("healthy", "1.0.0", "", "blue"));

        var window = project.Deliver("verify", "healthy", "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl, "--window", "5x");
        var unstaged = project.Deliver("verify", "healthy", "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl);

        Assert.Equal((2, "cannot judge: --window \"5x\" is not a Prometheus duration (such as 5m or 30s).\n"), (window.ExitCode, window.Error));
        Assert.Equal(2, unstaged.ExitCode);
        Assert.StartsWith("cannot judge: healthy's idle slot (green) has no version in gates", unstaged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_without_monitoring_cannot_judge()
    {
        using var project = new GatesProject(Apps);
        File.WriteAllText(project.StackPath, project.StackText.Replace("  delivery-platform:ci:\n", "  delivery-platform:monitoring:\n    enabled: false\n  delivery-platform:ci:\n", StringComparison.Ordinal));

        var result = project.Deliver("verify", "healthy", "--stack", GatesProject.Stack, "--prometheus", monitoring.PrometheusUrl);

        Assert.Equal((2, "cannot judge: gates has monitoring.enabled false, so no Prometheus scrapes its apps.\n"), (result.ExitCode, result.Error));
    }
}
