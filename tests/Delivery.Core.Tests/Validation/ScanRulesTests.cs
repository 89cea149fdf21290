using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Validation;

/// <summary><c>release.scanSeverity</c>: the tier defaults and the form the workflow passes to Trivy.</summary>
public sealed class ScanRulesTests
{
    [Theory]
    [InlineData("local", "CRITICAL")]
    [InlineData("dev", "CRITICAL")]
    [InlineData("staging", "HIGH,CRITICAL")]
    [InlineData("prod", "HIGH,CRITICAL")]
    public void Each_tier_fails_the_image_scan_on_its_default_severities(string tier, string severities)
    {
        var loaded = Delivery.Core.Validation.DeliveryConfigLoader.Load(Delivery.Core.Configuration.StackFileReader.Read(TestConfigs.StackFile(tier)), TestConfigs.NoEnvironment);

        Assert.Equal(severities, loaded.Config.Release.ScanSeverity);
    }

    [Fact]
    public void A_stack_sets_its_own_severities_which_are_given_to_trivy_in_its_order()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:scanSeverity", "CRITICAL, MEDIUM,HIGH")));

        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        Assert.Equal("MEDIUM,HIGH,CRITICAL", ScanRules.Normalized(loaded.Config.Release));
    }
}
