using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

public sealed class AlertmanagerConfigTests
{
    private const string PagerUrl = "https://pager.example.com/hooks/s3cr3t-pager-token";
    private const string ChatUrl = "https://chat.example.com/hooks/s3cr3t-chat-token";
    private const string ProductUrl = "https://product.example.com/hooks/s3cr3t-product-token";

    private static DeliveryConfig WithReceivers(params (string Severity, string Url)[] receivers)
    {
        var secrets = TestConfigs.Secrets();
        foreach (var (severity, url) in receivers)
            secrets[$"monitoring:receivers:{severity}:webhookUrl"] = url;
        return TestConfigs.Load(TestConfigs.ValidDev(), secrets).Config;
    }

    private static DeliveryConfig AllReceivers() =>
        WithReceivers(("critical", PagerUrl), ("warning", ChatUrl), ("info", ProductUrl));

    [Fact]
    public void The_config_passes_amtool_check_config_and_yamllint()
    {
        foreach (var config in new[] { AllReceivers(), WithReceivers() })
        {
            var yaml = AlertmanagerConfig.Render(config);

            var result = AmTool.CheckConfig(yaml);

            Assert.True(result.ExitCode == 0, result.All);
            Assert.Contains("SUCCESS", result.All);
            YamlLint.AssertClean(yaml);
        }
    }

    [Theory]
    [InlineData("critical", AlertmanagerConfig.OnCall)]
    [InlineData("warning", AlertmanagerConfig.TeamChat)]
    [InlineData("info", AlertmanagerConfig.Product)]
    public void Each_severity_reaches_its_receiver(string severity, string receiver)
    {
        var yaml = AlertmanagerConfig.Render(AllReceivers());

        Assert.Equal(receiver, AmTool.RouteOf(yaml, $"severity={severity}", "app=api", "alertname=AppErrorBudgetFastBurn"));
    }

    [Fact]
    public void An_unset_receiver_is_the_null_receiver_and_the_others_still_deliver()
    {
        var yaml = AlertmanagerConfig.Render(WithReceivers(("critical", PagerUrl)));

        Assert.Equal(AlertmanagerConfig.OnCall, AmTool.RouteOf(yaml, "severity=critical"));
        Assert.Equal(AlertmanagerConfig.NullReceiver, AmTool.RouteOf(yaml, "severity=warning"));
        Assert.Equal(AlertmanagerConfig.NullReceiver, AmTool.RouteOf(yaml, "severity=info"));
        Assert.DoesNotContain($"name: {AlertmanagerConfig.TeamChat}", yaml);
    }

    [Fact]
    public void The_platform_heartbeat_is_dropped_and_an_alert_without_severity_reaches_team_chat()
    {
        var yaml = AlertmanagerConfig.Render(AllReceivers());

        Assert.Equal(AlertmanagerConfig.NullReceiver, AmTool.RouteOf(yaml, "alertname=Watchdog", "severity=none"));
        Assert.Equal(AlertmanagerConfig.TeamChat, AmTool.RouteOf(yaml, "alertname=SomethingElse"));
    }

    [Fact]
    public void Without_a_tracker_a_ticket_alert_goes_to_team_chat_or_nowhere_when_that_is_unset_too()
    {
        Assert.Equal(AlertmanagerConfig.TeamChat, AmTool.RouteOf(AlertmanagerConfig.Render(AllReceivers()), "ticket=true", "severity=warning"));
        Assert.Equal(AlertmanagerConfig.NullReceiver, AmTool.RouteOf(AlertmanagerConfig.Render(WithReceivers(("critical", PagerUrl))), "ticket=true", "severity=warning"));
    }

    [Fact]
    public void No_webhook_url_enters_the_config_only_files_from_the_mounted_secret()
    {
        var config = AllReceivers();

        var yaml = AlertmanagerConfig.Render(config);
        var secret = AlertmanagerConfig.ReceiverSecret(config)!;

        Assert.DoesNotContain("s3cr3t", yaml);
        Assert.DoesNotContain(" url:", yaml);
        Assert.Contains($"url_file: /etc/alertmanager/secrets/{secret.Name}/{AlertmanagerConfig.OnCall}", yaml);
        Assert.Equal([AlertmanagerConfig.OnCall, AlertmanagerConfig.TeamChat, AlertmanagerConfig.Product], secret.Entries.Select(e => e.Key));
        Assert.Equal(PagerUrl, Assert.IsType<Delivery.Core.Kubernetes.ConfigSecretSource>(secret.Entries[0].Source).Value.Reveal());
    }

    [Fact]
    public void The_receiver_secret_holds_only_the_receivers_that_are_set()
    {
        Assert.Null(AlertmanagerConfig.ReceiverSecret(WithReceivers()));
        Assert.Equal([AlertmanagerConfig.TeamChat], AlertmanagerConfig.ReceiverSecret(WithReceivers(("warning", ChatUrl)))!.Entries.Select(e => e.Key));
    }

    [Fact]
    public void A_critical_burn_inhibits_the_warning_burn_of_the_same_app_budget()
    {
        var tree = AlertmanagerConfig.Build(AllReceivers());

        var rules = ((List<object?>)tree["inhibit_rules"]!).Cast<OrderedDictionary<string, object?>>().ToList();

        // The fast and slow burn share the slo label and differ in severity, so this rule pairs them per app.
        Assert.Contains(rules, rule =>
            ((List<object?>)rule["source_matchers"]!).Contains($"severity=\"{AlertSeverity.Critical}\"")
            && ((List<object?>)rule["target_matchers"]!).Contains($"severity=\"{AlertSeverity.Warning}\"")
            && ((List<object?>)rule["equal"]!).SequenceEqual(["namespace", "app", AppAlertRules.SloLabel]));
        var appRules = PromTool.RuleFile(AppAlertRules.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config, "api"));
        Assert.Equal(2, appRules.Split($"{AppAlertRules.SloLabel}: {AppAlertRules.ErrorBudgetSlo}").Length - 1);
    }
}
