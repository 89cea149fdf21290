using CsCheck;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Configuration;

/// <summary>The loader hands renderers a <see cref="ValidStack"/> exactly when the stack has no error, with its values typed.</summary>
public sealed class ValidStackTests
{
    [Fact]
    public void A_stack_without_errors_is_typed_once_its_tier_strategy_live_slot_and_log_window()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(
            ("apps:web:strategy", "rolling"), ("apps:web:version", "2.3.1"), ("apps:web:blue", null), ("apps:web:live", null),
            ("apps:api:logAlerts:window", "1h")));

        var stack = Assert.IsType<ValidStack>(loaded.Stack);

        Assert.Same(TierProfile.Dev, stack.Profile);
        Assert.Equal(Tier.Dev, stack.Tier);
        Assert.Same(loaded.Config, stack.Config);
        Assert.Equal(["api", "web"], stack.Apps.Keys);
        var (api, web) = (stack.Apps["api"], stack.Apps["web"]);
        Assert.Equal(("api", AppStrategy.BlueGreen, Slot.Green, 60), (api.Name, api.Strategy, api.Live, api.LogAlertWindowMinutes));
        Assert.Same(loaded.Config.Apps["api"], api.Config);
        Assert.Equal([(Slot.Blue, "1.4.2"), (Slot.Green, "1.5.0")], api.Versions.Select(v => (v.Key, v.Value.Text)).Order());
        Assert.Equal(("web", AppStrategy.Rolling, Slot.Rolling, 10), (web.Name, web.Strategy, web.Live, web.LogAlertWindowMinutes));
        Assert.Equal("2.3.1", web.VersionIn(Slot.Rolling).Text);
        Assert.Equal([Slot.Rolling], web.Versions.Keys);
    }

    [Fact]
    public void Log_alerts_that_are_off_have_no_window()
    {
        var stack = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:logAlerts:enabled", "false"))).Valid();

        Assert.Null(stack.Apps["api"].LogAlertWindowMinutes);
        Assert.Equal(10, stack.Apps["web"].LogAlertWindowMinutes);
    }

    [Fact]
    public void A_stack_with_an_error_has_no_validated_stack_but_keeps_its_tier()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:live", "purple")));

        Assert.True(loaded.HasErrors);
        Assert.Null(loaded.Stack);
        Assert.Same(TierProfile.Dev, loaded.Profile);
    }

    [Fact]
    public void An_override_a_release_refuses_takes_the_validated_stack_away()
    {
        var valid = DeliveryConfigLoader.LoadForRelease(TestConfigs.Stack(TestConfigs.ValidDev()), TestConfigs.NoEnvironment);
        var refused = DeliveryConfigLoader.LoadForRelease(TestConfigs.Stack(TestConfigs.ValidDev()),
            new Dictionary<string, string> { ["DELIVERY_registry__host"] = "elsewhere.example.com" });

        Assert.NotNull(valid.Stack);
        Assert.True(refused.HasErrors);
        Assert.Null(refused.Stack);
    }

    [Fact]
    public void A_value_the_rules_let_through_unreadable_is_an_error_naming_its_key_not_a_throw()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;
        config.Apps["api"].Live = "purple";
        config.Apps["web"].LogAlerts.Window = "10 minutes";
        var unreadable = new List<ConfigProblem>();

        Assert.Null(ValidStack.Of("dev", config, TierProfile.Dev, unreadable));
        Assert.Equal(["delivery-platform:apps.api.live", "delivery-platform:apps.web.logAlerts.window"], unreadable.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(unreadable, problem => Assert.True(problem.IsError));
        Assert.Contains(unreadable, problem => problem.Value == "purple");
    }

    /// <summary>Values for the keys the typed views read, valid and not; tiers whose other rules fail too.</summary>
    private static readonly Gen<(string Environment, string Strategy, string Live, string Window, string LogAlerts)> Settings =
        Gen.Select(
            Gen.OneOf("dev", "local", "staging", "prod", "qa", ""),
            Gen.OneOf("blueGreen", "rolling", "canary", ""),
            Gen.OneOf("blue", "green", "purple", ""),
            Gen.OneOf("10m", "1h", "24h", "1440m", "1441m", "25h", "0m", "10", "5s", ""),
            Gen.OneOf("true", "false"));

    [Fact]
    public void Every_stack_without_errors_reads_as_a_validated_stack_and_no_other()
    {
        var validated = 0;
        Settings.Sample(settings =>
        {
            var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(
                ("environment", settings.Environment),
                ("apps:api:strategy", settings.Strategy), ("apps:api:live", settings.Live),
                ("apps:api:version", settings.Strategy == "rolling" ? "1.5.0" : null),
                ("apps:api:blue", settings.Strategy == "rolling" ? null : "1.4.2"), ("apps:api:green", settings.Strategy == "rolling" ? null : "1.5.0"),
                ("apps:api:logAlerts:enabled", settings.LogAlerts), ("apps:api:logAlerts:window", settings.Window)));

            Assert.Equal(loaded.HasErrors, loaded.Stack is null);
            Assert.DoesNotContain(loaded.Errors, problem => problem.Message.Contains("cannot be read", StringComparison.Ordinal));
            if (loaded.Stack is not null)
                Interlocked.Increment(ref validated);
        }, iter: 1000);

        // Not vacuous: some of the samples are valid stacks.
        Assert.True(validated > 0);
    }
}
