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
    public void Canary_sends_a_share_of_traffic_to_the_idle_slot_and_0_ends_it()
    {
        var start = ReleaseOperations.Canary(Config(), "api", 25);
        var end = ReleaseOperations.Canary(Config(("apps:api:canaryWeight", "25")), "api", 0);

        Assert.Equal([("delivery-platform:apps.api.canaryWeight", "25")], start.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.Equal("api: send 25% of traffic to the idle blue slot (1.4.2), was 0%; green stays live", start.Summary);
        Assert.Equal("api: end the canary (was 25%); all traffic to the live green slot", end.Summary);
        Assert.Empty(ReleaseOperations.Canary(Config(("apps:api:canaryWeight", "25")), "api", 25).Changes);
    }

    [Fact]
    public void Canary_is_refused_out_of_range_or_without_an_idle_version()
    {
        Assert.Equal("a canary weight is a percent of traffic, 0–100, not 101; 0 ends the canary.",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Canary(Config(), "api", 101)).Message);
        Assert.Equal("cannot canary web: the idle green slot has no version; stage one first: deliver promote web <version>.",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Canary(Config(), "web", 10)).Message);
    }

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
