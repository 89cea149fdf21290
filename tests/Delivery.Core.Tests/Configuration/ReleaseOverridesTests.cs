using Delivery.Core.Configuration;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Configuration;

/// <summary>Where a release is decided, DELIVERY_ variables may only resize an app, and nothing in CI (#22, finding 5).</summary>
public sealed class ReleaseOverridesTests
{
    private static LoadedConfig LoadForRelease(params (string Variable, string Value)[] environment) =>
        DeliveryConfigLoader.LoadForRelease(TestConfigs.Stack(TestConfigs.ValidDev()), environment.ToDictionary(e => e.Variable, e => e.Value));

    [Theory]
    [InlineData("DELIVERY_apps__api__green", "9.9.9", "delivery-platform:apps.api.green")]
    [InlineData("DELIVERY_apps__api__live", "blue", "delivery-platform:apps.api.live")]
    [InlineData("DELIVERY_apps__api__canaryWeight", "50", "delivery-platform:apps.api.canaryWeight")]
    [InlineData("DELIVERY_apps__api__hotfixReason", "now", "delivery-platform:apps.api.hotfixReason")]
    [InlineData("DELIVERY_apps__api__image", "evil/api", "delivery-platform:apps.api.image")]
    [InlineData("DELIVERY_freeze__enabled", "false", "delivery-platform:freeze.enabled")]
    [InlineData("DELIVERY_upstream", "local", "delivery-platform:upstream")]
    [InlineData("DELIVERY_environment", "local", "delivery-platform:environment")]
    [InlineData("DELIVERY_registry__host", "registry.evil.example", "delivery-platform:registry.host")]
    [InlineData("DELIVERY_ci__mode", "none", "delivery-platform:ci.mode")]
    [InlineData("DELIVERY_release__scanSeverity", "CRITICAL", "delivery-platform:release.scanSeverity")]
    public void A_release_or_security_key_is_refused_naming_the_variable_the_key_and_the_fix(string variable, string value, string key)
    {
        var loaded = LoadForRelease((variable, value));

        var refused = Assert.Single(loaded.Errors, e => e.Key == key);
        Assert.Contains($"{variable} may not change it under pulumi up, deliver gate and deliver staged", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith($"unset {variable} ", refused.Fix, StringComparison.Ordinal);
        Assert.Contains($"pulumi config set --path {key} <value>", refused.Fix, StringComparison.Ordinal);
        Assert.Null(refused.Value);
    }

    [Fact]
    public void The_same_variables_still_apply_outside_a_release()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev(), environment: new Dictionary<string, string> { ["DELIVERY_apps__api__green"] = "1.5.1" });

        Assert.False(loaded.HasErrors);
        Assert.Equal("1.5.1", loaded.Config.Apps["api"].Green);
    }

    [Theory]
    [InlineData("DELIVERY_apps__api__replicas", "4")]
    [InlineData("DELIVERY_apps__api__idleReplicas", "0")]
    [InlineData("DELIVERY_apps__api__resources__cpuRequest", "300m")]
    [InlineData("DELIVERY_apps__api__autoscaling__maxReplicas", "6")]
    public void Outside_CI_an_override_may_resize_an_app(string variable, string value)
    {
        var loaded = LoadForRelease((variable, value));

        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
    }

    [Fact]
    public void With_CI_set_no_key_may_be_overridden_not_even_capacity()
    {
        var loaded = LoadForRelease(("CI", "true"), ("DELIVERY_apps__api__replicas", "4"));

        var refused = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:apps.api.replicas", refused.Key);
        Assert.Equal("DELIVERY_apps__api__replicas is set while CI is set: under pulumi up, deliver gate and deliver staged in CI no DELIVERY_ variable may change any key, as pipeline variables are not reviewed.",
            refused.Message);
        Assert.StartsWith("unset DELIVERY_apps__api__replicas ", refused.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_CI_variable_is_not_CI_and_other_variables_are_ignored()
    {
        var loaded = LoadForRelease(("CI", ""), ("DELIVERY_apps__api__replicas", "4"), ("PATH", "/usr/bin"));

        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        Assert.Equal(4, loaded.Config.Apps["api"].Replicas);
    }

    [Fact]
    public void An_unknown_key_is_reported_once_by_the_schema_not_twice()
    {
        var loaded = LoadForRelease(("CI", "true"), ("DELIVERY_apps__api__bleu", "1.0.0"));

        var unknown = Assert.Single(loaded.Errors);
        Assert.Contains("unknown key", unknown.Message, StringComparison.Ordinal);
    }
}
