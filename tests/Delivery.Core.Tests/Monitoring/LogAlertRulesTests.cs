using System.Text.RegularExpressions;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

public sealed class LogAlertRulesTests
{
    private static DeliveryConfig Dev(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    private static DeliveryConfig WithKeywords() =>
        Dev(("apps:api:logAlerts:keywords:0", "OutOfMemoryError"), ("apps:api:logAlerts:keywords:1", "deadlock (detected)"));

    private static List<OrderedDictionary<string, object?>> Rules(DeliveryConfig config, string app)
    {
        var group = (OrderedDictionary<string, object?>)Assert.Single((List<object?>)LogAlertRules.Groups(config.Valid().Apps[app])!["groups"]!)!;
        return [.. ((List<object?>)group["rules"]!).Cast<OrderedDictionary<string, object?>>()];
    }

    [Fact]
    public void Every_rendered_query_parses_with_grafanas_logql_grammar()
    {
        var ruleFile = LogAlertRules.RuleFile(WithKeywords().Valid().Apps["api"])!;

        var result = LogQlCheck.Run(ruleFile);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal([$"ok api.logs/{LogAlertRules.ErrorLines}", $"ok api.logs/{LogAlertRules.KeywordLines}"], result.Output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("dev", 2)]
    [InlineData("staging", 2)]
    [InlineData("prod", 2)]
    [InlineData("local", 0)]
    public void The_committed_stacks_log_alerts_parse(string stack, int apps)
    {
        var config = Core.Validation.DeliveryConfigLoader.Load(Core.Configuration.StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment).Config;

        var ruleFiles = config.Apps.Keys.Select(app => LogAlertRules.RuleFile(config.Valid().Apps[app])).OfType<string>().ToList();

        Assert.Equal(apps, ruleFiles.Count);
        Assert.All(ruleFiles, LogQlCheck.AssertValid);
    }

    [Fact]
    public void The_grammar_check_rejects_a_broken_query_naming_its_rule()
    {
        var broken = LogAlertRules.RuleFile(WithKeywords().Valid().Apps["api"])!.Replace("count_over_time(", "count_over_time", StringComparison.Ordinal);

        var result = LogQlCheck.Run(broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"api.logs/{LogAlertRules.ErrorLines}: does not parse at offset", result.Error);
        Assert.Contains($"api.logs/{LogAlertRules.KeywordLines}: does not parse at offset", result.Error);
    }

    [Fact]
    public void The_rates_use_the_tier_defaults_and_the_apps_own_values()
    {
        var dev = LogAlertRules.RuleFile(Dev().Valid().Apps["api"])!;
        var tuned = LogAlertRules.RuleFile(Dev(("apps:api:logAlerts:errorsPerMinute", "0.5"), ("apps:api:logAlerts:window", "1h")).Valid().Apps["api"])!;

        Assert.Contains("[10m])) / 10 > 10", dev);
        Assert.Contains("[1h])) / 60 > 0.5", tuned);
        Assert.DoesNotContain(LogAlertRules.KeywordLines, dev);
    }

    [Theory]
    [InlineData("local", false, 10)]
    [InlineData("dev", true, 10)]
    [InlineData("staging", true, 5)]
    [InlineData("prod", true, 2)]
    public void Each_tier_has_its_documented_defaults(string tier, bool enabled, double errorsPerMinute)
    {
        var logAlerts = Dev(("environment", tier)).Apps["web"].LogAlerts;

        Assert.Equal((enabled, errorsPerMinute, 0d, "10m"), (logAlerts.Enabled, logAlerts.ErrorsPerMinute, logAlerts.KeywordsPerMinute, logAlerts.Window));
        Assert.Empty(logAlerts.Keywords);
    }

    [Fact]
    public void Log_alerts_are_off_on_a_laptop_and_on_elsewhere_unless_turned_off()
    {
        Assert.Null(LogAlertRules.Render(TestConfigs.Load(TestConfigs.ValidDev().With(("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker")), new Dictionary<string, string>()).Config.Valid().Apps["api"]));
        Assert.Null(LogAlertRules.Render(Dev(("apps:api:logAlerts:enabled", "false")).Valid().Apps["api"]));
        Assert.NotNull(LogAlertRules.Render(Dev().Valid().Apps["api"]));
    }

    [Fact]
    public void Keywords_are_matched_literally_ignoring_case()
    {
        var rule = Rules(WithKeywords(), "api").Single(r => (string)r["alert"]! == LogAlertRules.KeywordLines);

        Assert.Contains(@"|~ `(?i)(OutOfMemoryError|deadlock \(detected\))`", (string)rule["expr"]!);
        Assert.StartsWith("sum by (namespace, app) (count_over_time({namespace=\"apps\", app=\"api\"}", (string)rule["expr"]!);
        Assert.EndsWith("[10m])) / 10 > 0", (string)rule["expr"]!);
    }

    [Theory]
    [InlineData("{\"level\":\"error\",\"msg\":\"payment failed\"}", true)]
    [InlineData("level=ERROR msg=\"db down\"", true)]
    [InlineData("{\"severity\": \"FATAL\"}", true)]
    [InlineData("2026-12-03T09:00:00Z ERROR OrderService: timeout", true)]
    [InlineData("[FATAL] cannot bind port", true)]
    [InlineData("level=info msg=\"retried after an error\"", false)]
    [InlineData("{\"level\":\"warn\",\"msg\":\"error budget at 80%\"}", false)]
    [InlineData("ERROR_CODES loaded", false)]
    public void The_error_level_pattern_finds_error_lines_and_not_lines_that_mention_errors(string line, bool isError)
    {
        // RE2 and .NET agree on the constructs the pattern uses: (?i:…), \b, \s, classes and alternation.
        Assert.Equal(isError, Regex.IsMatch(line, LogAlertRules.ErrorLevelPattern));
    }

    [Theory]
    [InlineData(true, AlertmanagerConfig.Tracker)]
    [InlineData(false, AlertmanagerConfig.TeamChat)]
    public void A_log_alert_files_a_ticket_in_the_tracker_else_posts_to_team_chat(bool withTracker, string receiver)
    {
        var plain = TestConfigs.ValidDev();
        var secrets = TestConfigs.Secrets();
        secrets["monitoring:receivers:warning:webhookUrl"] = "https://chat.example.com/hook";
        if (withTracker)
        {
            plain = plain.With(("monitoring:receivers:tracker:kind", "jira"), ("monitoring:receivers:tracker:apiUrl", "https://acme.atlassian.net/rest/api/2/"),
                ("monitoring:receivers:tracker:project", "OPS"), ("monitoring:receivers:tracker:issueType", "Bug"), ("monitoring:receivers:tracker:user", "alerts@acme.example"));
            secrets["monitoring:receivers:tracker:apiToken"] = "t";
        }
        var loaded = TestConfigs.Load(plain, secrets);
        Assert.Empty(loaded.Problems);

        foreach (var rule in Rules(loaded.Config, "api"))
        {
            var labels = ((OrderedDictionary<string, object?>)rule["labels"]!).Select(l => $"{l.Key}={l.Value}").Append($"alertname={rule["alert"]}").Append("namespace=apps");
            Assert.Equal(receiver, AmTool.RouteOf(AlertmanagerConfig.Build(loaded.Config), [.. labels]));
        }
    }

    [Fact]
    public void The_rules_configmap_is_where_the_loki_charts_sidecar_looks_and_the_ruler_sends_to_alertmanager()
    {
        var config = Dev();
        var rendering = MonitoringRenderer.Render(config.Valid(Tier.Dev));
        var loki = rendering.Charts.Single(chart => chart.Chart == "loki");
        var configMap = Assert.Single(rendering.Objects, o => o.Body["kind"] as string == "ConfigMap" && ((OrderedDictionary<string, object?>)o.Body["metadata"]!)["name"] as string == LogAlertRules.Name("api"));

        var metadata = (OrderedDictionary<string, object?>)configMap.Body["metadata"]!;
        var sidecar = At(loki.Values, "sidecar", "rules");
        var ruler = At(loki.Values, "loki", "rulerConfig");
        Assert.Equal("monitoring", metadata["namespace"]);
        Assert.Equal(sidecar["labelValue"], ((OrderedDictionary<string, object?>)metadata["labels"]!)[(string)sidecar["label"]!]);
        Assert.Equal($"{At(ruler, "storage", "local")["directory"]}/fake", sidecar["folder"]);
        Assert.Equal("configmap", sidecar["resource"]);
        Assert.Equal(MonitoringCharts.AlertmanagerUrl, ruler["alertmanager_url"]);
        Assert.Equal(true, ruler["enable_alertmanager_v2"]);
        LogQlCheck.AssertValid((string)((OrderedDictionary<string, object?>)configMap.Body["data"]!)[LogAlertRules.FileName("api")]!);
        SchemaCheck.AssertValid([configMap]);
    }

    private static OrderedDictionary<string, object?> At(OrderedDictionary<string, object?> tree, params string[] path) =>
        path.Aggregate(tree, (node, key) => (OrderedDictionary<string, object?>)node[key]!);
}
