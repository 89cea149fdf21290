using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// Every receiver kind, configured for all four receivers at once: the config passes amtool 0.28,
/// each alert reaches its receiver through that kind's integration, and the kind's secret is only a
/// file path in the config and a key of the mounted Secret.
/// </summary>
public sealed class ReceiverKindsTests
{
    public sealed record Sample(string Kind, Dictionary<string, string?> Plain, string SecretKey, string Secret, string Integration, string FileSetting)
    {
        public override string ToString() => Kind;
    }

    public static TheoryData<Sample> Samples() => [.. All];

    internal static readonly Sample[] All =
    [
        new(ReceiverKinds.Webhook, [], "webhookUrl", "https://hooks.example.com/s3cr3t-webhook", "webhook_configs", "url_file"),
        new(ReceiverKinds.Slack, new() { ["channel"] = "#alerts" }, "webhookUrl", "https://hooks.slack.com/services/T0/B0/s3cr3t-slack", "slack_configs", "api_url_file"),
        new(ReceiverKinds.MsTeams, [], "webhookUrl", "https://prod-01.westeurope.logic.azure.com/workflows/s3cr3t-teams", "msteamsv2_configs", "webhook_url_file"),
        new(ReceiverKinds.PagerDuty, [], "routingKey", "s3cr3t-pagerduty-routing-key", "pagerduty_configs", "routing_key_file"),
        new(ReceiverKinds.Opsgenie, new() { ["apiUrl"] = "https://api.eu.opsgenie.com/" }, "apiKey", "s3cr3t-opsgenie-key", "opsgenie_configs", "api_key_file"),
        new(ReceiverKinds.Jira,
            new() { ["apiUrl"] = "https://acme.atlassian.net/rest/api/2/", ["project"] = "OPS", ["issueType"] = "Bug", ["user"] = "alerts@acme.example" },
            "apiToken", "s3cr3t-jira-token", "jira_configs", "password_file"),
    ];

    private static readonly string[] Tiers = ["critical", "warning", "info", "tracker"];

    internal static LoadedConfig Load(Sample sample)
    {
        var plain = TestConfigs.ValidDev();
        var secrets = TestConfigs.Secrets();
        foreach (var tier in Tiers)
        {
            plain[$"monitoring:receivers:{tier}:kind"] = sample.Kind;
            foreach (var (key, value) in sample.Plain)
                plain[$"monitoring:receivers:{tier}:{key}"] = value;
            secrets[$"monitoring:receivers:{tier}:{sample.SecretKey}"] = sample.Secret;
        }
        return TestConfigs.Load(plain, secrets);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_kind_is_valid_config_and_passes_amtool_check_config_and_yamllint(Sample sample)
    {
        var loaded = Load(sample);
        Assert.Empty(loaded.Problems);

        var result = AmTool.CheckConfig(AlertmanagerConfig.Build(loaded.Config));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("SUCCESS", result.All);
        YamlLint.AssertClean(AlertmanagerConfig.Render(loaded.Config));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_kind_routes_every_alert_to_its_receiver(Sample sample)
    {
        var config = Load(sample).Config;

        Assert.Equal(AlertmanagerConfig.OnCall, AmTool.RouteOf(AlertmanagerConfig.Build(config), "severity=critical", "app=api"));
        Assert.Equal(AlertmanagerConfig.TeamChat, AmTool.RouteOf(AlertmanagerConfig.Build(config), "severity=warning", "app=api"));
        Assert.Equal(AlertmanagerConfig.Product, AmTool.RouteOf(AlertmanagerConfig.Build(config), "severity=info", "app=api"));
        Assert.Equal(AlertmanagerConfig.Tracker, AmTool.RouteOf(AlertmanagerConfig.Build(config), "severity=warning", "ticket=true", "app=api"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_kind_reads_its_secret_from_the_mounted_file_only(Sample sample)
    {
        var config = Load(sample).Config;

        var tree = AlertmanagerConfig.Build(config);
        var yaml = AlertmanagerConfig.Render(config);
        var secret = AlertmanagerConfig.ReceiverSecret(config)!;

        Assert.DoesNotContain("s3cr3t", yaml);
        var receivers = ((List<object?>)tree["receivers"]!).Cast<OrderedDictionary<string, object?>>().ToDictionary(r => (string)r["name"]!);
        foreach (var name in new[] { AlertmanagerConfig.OnCall, AlertmanagerConfig.TeamChat, AlertmanagerConfig.Product, AlertmanagerConfig.Tracker })
        {
            var integration = (OrderedDictionary<string, object?>)Assert.Single((List<object?>)receivers[name][sample.Integration]!)!;
            // Jira's default is send_resolved: true, and the operator the chart runs cannot carry the field (ReceiverKinds).
            Assert.Equal(true, integration.GetValueOrDefault("send_resolved") ?? (sample.Kind == ReceiverKinds.Jira ? true : null));
            Assert.Contains($"{sample.FileSetting}: {AlertmanagerConfig.SecretFile(name)}", YamlWriter.Write(integration));
        }
        Assert.Equal(AlertmanagerConfig.ReceiverSecretName, secret.Name);
        Assert.Equal(4, secret.Entries.Count);
        Assert.All(secret.Entries, entry => Assert.Equal(sample.Secret, Assert.IsType<ConfigSecretSource>(entry.Source).Value.Reveal()));
    }

    [Theory]
    [InlineData(ReceiverKinds.PagerDuty, "pagerduty_configs", "severity", "critical", "warning", "info")]
    [InlineData(ReceiverKinds.Opsgenie, "opsgenie_configs", "priority", "P1", "P3", "P5")]
    public void Pagers_get_the_alerts_severity_so_a_warning_does_not_page_like_a_critical(string kind, string integration, string field, string critical, string warning, string info)
    {
        var tree = AlertmanagerConfig.Build(Load(All.Single(sample => sample.Kind == kind)).Config);

        var receivers = ((List<object?>)tree["receivers"]!).Cast<OrderedDictionary<string, object?>>().ToDictionary(r => (string)r["name"]!);
        string Of(string receiver) => (string)((OrderedDictionary<string, object?>)((List<object?>)receivers[receiver][integration]!)[0]!)[field]!;
        Assert.Equal([critical, warning, info, warning],
            [Of(AlertmanagerConfig.OnCall), Of(AlertmanagerConfig.TeamChat), Of(AlertmanagerConfig.Product), Of(AlertmanagerConfig.Tracker)]);
    }

    [Fact]
    public void A_receiver_whose_secret_is_not_set_yet_takes_no_alerts()
    {
        // Offline, a pagerduty kind without its key is only a warning; it must not render a half receiver.
        var plain = TestConfigs.ValidDev().With(("monitoring:receivers:critical:kind", ReceiverKinds.PagerDuty));
        var loaded = TestConfigs.Load(plain, offline: true);

        Assert.Contains(loaded.Warnings, w => w.Key == "delivery-platform:monitoring.receivers.critical.routingKey");
        Assert.Equal(AlertmanagerConfig.NullReceiver, AmTool.RouteOf(AlertmanagerConfig.Render(loaded.Config), "severity=critical"));
        Assert.Null(AlertmanagerConfig.ReceiverSecret(loaded.Config));
    }

    [Fact]
    public void Debian_amtool_still_rejects_jira_configs()
    {
        var loaded = Load(All.Single(sample => sample.Kind == ReceiverKinds.Jira));

        var result = AmTool.CheckConfig(AlertmanagerConfig.Render(loaded.Config));

        // When this fails, the installed amtool reads Jira blocks: delete DebianJira and check them as generated.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("field jira_configs not found", result.All);
    }
}
