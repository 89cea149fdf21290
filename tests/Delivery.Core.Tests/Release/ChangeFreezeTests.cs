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
    [InlineData("apps:api:green", "1.5.1", "delivery-platform:apps.api.green", "changing it from \"1.5.0\"")]
    [InlineData("apps:api:live", "blue", "delivery-platform:apps.api.live", "changing it from \"green\"")]
    [InlineData("apps:api:canaryWeight", "10", "delivery-platform:apps.api.canaryWeight", "changing it from \"0\"")]
    [InlineData("apps:web:green", "2.4.0", "delivery-platform:apps.web.green", "changing it from \"\"")]
    public void A_frozen_stack_refuses_each_release_change_naming_the_reason(string key, string value, string expectedKey, string change)
    {
        var problem = Assert.Single(ChangeFreeze.Check(Frozen((key, value)), Deployed));

        Assert.Equal(expectedKey, problem.Key);
        Assert.Equal($"the stack is frozen (Black Friday until 2026-11-30); {change} is refused.", problem.Message);
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
