using Delivery.Core.Monitoring;

namespace Delivery.Core.Tests.Validation;

/// <summary>What the receiver rules tell a user beyond the bad-config table: the fix, and what stays quiet.</summary>
public sealed class ReceiverRulesTests
{
    private const string P = "delivery-platform:";

    [Fact]
    public void A_misspelt_kind_is_answered_with_the_kind_meant()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("monitoring:receivers:critical:kind", "pagerduti")));

        var problem = Assert.Single(loaded.Errors, p => p.Key == P + "monitoring.receivers.critical.kind");
        Assert.Equal("pagerduti", problem.Value);
        Assert.Equal("did you mean \"pagerduty\"? pulumi config set --path delivery-platform:monitoring.receivers.critical.kind pagerduty.", problem.Fix);
    }

    [Fact]
    public void A_missing_receiver_secret_is_a_warning_offline_with_the_command_to_set_it()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("monitoring:receivers:critical:kind", ReceiverKinds.Opsgenie)), offline: true);

        var warning = Assert.Single(loaded.Warnings, p => p.Key == P + "monitoring.receivers.critical.apiKey");
        Assert.Equal("before deploying, run: pulumi config set --secret --path delivery-platform:monitoring.receivers.critical.apiKey <Opsgenie API key> --stack dev", warning.Fix);
        Assert.Empty(loaded.Errors);
    }

    [Fact]
    public void In_prod_a_pagerduty_on_call_receiver_needs_its_key_not_a_webhook_url()
    {
        var plain = TestConfigs.ValidDev().With(("environment", "prod"), ("apps:api:replicas", "2"), ("apps:web:replicas", "2"),
            ("monitoring:receivers:critical:kind", ReceiverKinds.PagerDuty));
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:critical:routingKey"] = "r" };

        var loaded = TestConfigs.Load(plain, secrets);

        Assert.DoesNotContain(loaded.Problems, p => p.Key.StartsWith(P + "monitoring.receivers", StringComparison.Ordinal));
    }

    [Fact]
    public void Receivers_left_unset_raise_nothing_outside_prod() =>
        Assert.DoesNotContain(TestConfigs.Load(TestConfigs.ValidDev()).Problems, p => p.Key.Contains("receivers", StringComparison.Ordinal));
}
