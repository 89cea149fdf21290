namespace Delivery.Core.Tests.Validation;

/// <summary>
/// A stack file edited by hand to turn monitoring off: where releases are gated (deliver gate reads
/// Alertmanager, deliver verify Prometheus) neither could judge, so check says so before any release does.
/// </summary>
public sealed class MonitoringOffRuleTests
{
    private const string Key = "delivery-platform:monitoring.enabled";

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Monitoring_off_where_releases_are_gated_is_an_error_naming_the_key_the_value_and_the_fix(string tier)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("environment", tier), ("monitoring:enabled", "false")));

        var problem = Assert.Single(loaded.Errors, p => p.Key == Key);
        Assert.Equal("false", problem.Value);
        Assert.Contains($"{tier} releases are gated", problem.Message, StringComparison.Ordinal);
        Assert.Equal($"pulumi config set --path {Key} true.", problem.Fix);
    }

    [Fact]
    public void Monitoring_off_on_a_laptop_stack_is_allowed() =>
        Assert.DoesNotContain(TestConfigs.Load(TestConfigs.ValidDev().With(("environment", "local"), ("monitoring:enabled", "false"))).Problems, p => p.Key == Key);

    [Fact]
    public void Monitoring_on_raises_nothing() =>
        Assert.DoesNotContain(TestConfigs.Load(TestConfigs.ValidDev()).Problems, p => p.Key == Key);
}
