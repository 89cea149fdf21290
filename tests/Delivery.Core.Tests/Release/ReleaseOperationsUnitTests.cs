using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

public sealed class ReleaseOperationsUnitTests
{
    private static Model.DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    [Fact]
    public void Promote_stages_the_version_in_the_idle_slot()
    {
        var edit = ReleaseOperations.Promote(Config(), "api", "1.6.0");

        Assert.Equal([("delivery-platform:apps.api.blue", "1.6.0")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.Equal("api: stage 1.6.0 in the idle blue slot (was \"1.4.2\"); green stays live", edit.Summary);
    }

    [Fact]
    public void Promoting_the_live_version_is_refused() =>
        Assert.Equal("api 1.5.0 is already live in the green slot.",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Promote(Config(), "api", "1.5.0")).Message);

    [Fact]
    public void Promoting_the_staged_version_again_changes_nothing() =>
        Assert.Empty(ReleaseOperations.Promote(Config(), "api", "1.4.2").Changes);

    [Fact]
    public void Switch_makes_the_idle_slot_live_and_ends_a_canary()
    {
        var edit = ReleaseOperations.Switch(Config(("apps:api:canaryWeight", "10")), "api");

        Assert.Equal([("delivery-platform:apps.api.live", "blue"), ("delivery-platform:apps.api.canaryWeight", "0")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.Equal("api: switch to blue (1.4.2) from green (1.5.0), ending the 10% canary", edit.Summary);
    }

    [Fact]
    public void An_unknown_app_gets_a_suggestion() =>
        Assert.Equal("there is no app \"apii\" in this stack; did you mean \"api\"?",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Switch(Config(), "apii")).Message);
}
