using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

public sealed class ReleaseStateJsonTests
{
    [Fact]
    public void A_release_state_survives_the_round_trip_through_a_stack_output()
    {
        var state = ReleaseState.Of(TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:canaryWeight", "10"))).Config);

        var json = ReleaseStateJson.Write(state);

        Assert.Equal(
            """{"api":{"blue":"1.4.2","green":"1.5.0","live":"green","canaryWeight":10},"web":{"blue":"2.3.1","green":"","live":"blue","canaryWeight":0}}""",
            json);
        Assert.Equal(state.Apps.ToDictionary(), ReleaseStateJson.Read(json).Apps);
    }

    [Fact]
    public void Anything_else_is_a_clear_format_error() =>
        Assert.StartsWith("the releaseState output is not a release state", Assert.Throws<FormatException>(() => ReleaseStateJson.Read("[1,2]")).Message, StringComparison.Ordinal);
}
