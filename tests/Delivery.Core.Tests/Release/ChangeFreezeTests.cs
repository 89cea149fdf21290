using Delivery.Core.Model;
using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

public sealed class ChangeFreezeTests
{
    private static DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    private static readonly ReleaseState Deployed = ReleaseState.Of(Config(("apps:api:host", "api.example.com")));

    private static DeliveryConfig Frozen(params (string Key, string? Value)[] changes) =>
        Config([("freeze:enabled", "true"), ("freeze:reason", "Black Friday until 2026-11-30"), .. changes]);

    [Fact]
    public void A_frozen_stack_with_no_release_change_passes()
    {
        Assert.Empty(ChangeFreeze.Check(Frozen(("apps:api:replicas", "4")), Deployed));
    }

    [Theory]
    [InlineData("apps:api:green", "1.5.1", "delivery-platform:apps.api.green", "changing it from \"1.5.0\" is refused.")]
    [InlineData("apps:api:live", "blue", "delivery-platform:apps.api.live", "changing it from \"green\" is refused. There is no rollback target (no previous live version held in the idle slot).")]
    [InlineData("apps:api:canaryWeight", "10", "delivery-platform:apps.api.canaryWeight", "changing it from \"0\" is refused.")]
    [InlineData("apps:web:green", "2.4.0", "delivery-platform:apps.web.green", "changing it from \"\" is refused.")]
    public void A_frozen_stack_refuses_each_release_change_naming_the_reason(string key, string value, string expectedKey, string refusal)
    {
        var problem = Assert.Single(ChangeFreeze.Check(Frozen((key, value)), Deployed));

        Assert.Equal(expectedKey, problem.Key);
        Assert.Equal($"the stack is frozen (Black Friday until 2026-11-30); {refusal}", problem.Message);
    }

    /// <summary>Deployed: 1.4.2 was live in blue before the switch to green (1.5.0).</summary>
    private static readonly ReleaseState SwitchedFromBlue = new(Deployed.Apps.ToDictionary(
        a => a.Key, a => a.Key == "api" ? a.Value with { PreviousLiveVersion = "1.4.2", PreviousLiveSlot = "blue" } : a.Value, StringComparer.Ordinal));

    [Fact]
    public void A_frozen_stack_may_give_canary_traffic_back_to_the_live_slot_but_not_take_more()
    {
        var deployed = new ReleaseState(SwitchedFromBlue.Apps.ToDictionary(a => a.Key, a => a.Key == "api" ? a.Value with { CanaryWeight = 30 } : a.Value, StringComparer.Ordinal));

        Assert.Empty(ChangeFreeze.Check(Frozen(("apps:api:canaryWeight", "0")), deployed));
        Assert.Empty(ChangeFreeze.Check(Frozen(("apps:api:canaryWeight", "10")), deployed));
        Assert.Single(ChangeFreeze.Check(Frozen(("apps:api:canaryWeight", "50")), deployed));
    }

    [Fact]
    public void A_rollback_to_the_recorded_previous_version_passes_a_freeze_and_ends_the_canary()
    {
        var deployed = new ReleaseState(SwitchedFromBlue.Apps.ToDictionary(a => a.Key, a => a.Key == "api" ? a.Value with { CanaryWeight = 10 } : a.Value, StringComparer.Ordinal));

        Assert.Empty(ChangeFreeze.Check(Frozen(("apps:api:live", "blue"), ("apps:api:canaryWeight", "0")), deployed));
    }

    [Fact]
    public void A_fake_rollback_is_a_switch_and_the_freeze_refuses_it_naming_the_real_target()
    {
        // blue was re-staged with 1.7.0 (never live here), then made live "as a rollback".
        var problems = ChangeFreeze.Check(Frozen(("apps:api:blue", "1.7.0"), ("apps:api:live", "blue")), SwitchedFromBlue);

        Assert.Equal(["delivery-platform:apps.api.blue", "delivery-platform:apps.api.live"], problems.Select(p => p.Key));
        Assert.EndsWith("changing it from \"green\" is refused. Only a rollback passes: live back to blue, which holds 1.4.2, the version live before.", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_app_while_frozen_is_refused()
    {
        var problems = ChangeFreeze.Check(Frozen(("apps:new:image", "shop/new"), ("apps:new:blue", "1.0.0"), ("apps:new:live", "blue")), Deployed);

        Assert.Equal("delivery-platform:apps.new", Assert.Single(problems).Key);
    }

    [Fact]
    public void An_unfrozen_stack_may_change_anything()
    {
        Assert.Empty(ChangeFreeze.Check(Config(("apps:api:live", "blue")), Deployed));
    }
}
