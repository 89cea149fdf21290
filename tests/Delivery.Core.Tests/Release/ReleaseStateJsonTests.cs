using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

public sealed class ReleaseStateJsonTests
{
    [Fact]
    public void A_release_state_survives_the_round_trip_through_a_stack_output()
    {
        var state = ReleaseState.Of(TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:canaryWeight", "10"), ("apps:web:hotfixReason", "CVE-1"), ("freeze:enabled", "true"), ("freeze:reason", "incident"))).Config);

        var json = ReleaseStateJson.Write(state);

        Assert.Equal(
            """{"$stack":{"frozen":true,"upstream":"","hotfixReasons":{"web":"CVE-1"}},"api":{"blue":"1.4.2","green":"1.5.0","live":"green","canaryWeight":10,"previousLiveVersion":"","previousLiveSlot":""},"web":{"blue":"2.3.1","green":"","live":"blue","canaryWeight":0,"previousLiveVersion":"","previousLiveSlot":""}}""",
            json);
        var read = ReleaseStateJson.Read(json);
        Assert.Equal(state.Apps.ToDictionary(), read.Apps);
        Assert.Equal((true, "", "CVE-1"), (read.Rules!.Frozen, read.Rules.Upstream, read.Rules.HotfixReasons["web"]));
    }

    [Fact]
    public void A_state_written_before_the_rules_were_recorded_has_unknown_rules() =>
        Assert.Null(ReleaseStateJson.Read("""{"api":{"blue":"1.4.2","green":"1.5.0","live":"green","canaryWeight":0}}""").Rules);

    [Fact]
    public void A_state_written_before_previous_live_versions_were_recorded_still_reads()
    {
        var state = ReleaseStateJson.Read("""{"api":{"blue":"1.4.2","green":"1.5.0","live":"green","canaryWeight":10}}""");

        Assert.Equal(new AppReleaseState("1.4.2", "1.5.0", "green", 10, "", ""), state.Apps["api"]);
    }

    [Fact]
    public void The_state_after_a_deploy_records_the_version_a_switch_replaced_and_a_rollback_clears_it()
    {
        var before = ReleaseState.Of(TestConfigs.Load(TestConfigs.ValidDev()).Config); // api: 1.5.0 live in green
        var switched = ReleaseState.After(TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:live", "blue"))).Config, before);
        var promoted = ReleaseState.After(TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:live", "blue"), ("apps:api:green", "1.6.0"))).Config, switched);
        var rolledBack = ReleaseState.After(TestConfigs.Load(TestConfigs.ValidDev()).Config, switched);

        Assert.Equal(("1.5.0", "green"), (switched.Apps["api"].PreviousLiveVersion, switched.Apps["api"].PreviousLiveSlot));
        Assert.Equal(("1.5.0", "green"), (promoted.Apps["api"].PreviousLiveVersion, promoted.Apps["api"].PreviousLiveSlot));
        Assert.Equal(("", ""), (rolledBack.Apps["api"].PreviousLiveVersion, rolledBack.Apps["api"].PreviousLiveSlot));
        Assert.Equal(("", ""), (ReleaseState.After(TestConfigs.Load(TestConfigs.ValidDev()).Config, null).Apps["api"].PreviousLiveVersion, ""));
    }

    [Fact]
    public void Anything_else_is_a_clear_format_error() =>
        Assert.StartsWith("the releaseState output is not a release state", Assert.Throws<FormatException>(() => ReleaseStateJson.Read("[1,2]")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_output_reads_as_pulumi_prints_it_quoted_or_as_the_json_itself_and_a_stack_file_is_none()
    {
        var json = ReleaseStateJson.Write(ReleaseState.Of(TestConfigs.Load(TestConfigs.ValidDev()).Config));

        Assert.Equal("1.5.0", ReleaseStateJson.ReadOutput(System.Text.Json.JsonSerializer.Serialize(json) + "\n")!.Apps["api"].LiveVersion);
        Assert.Equal("1.5.0", ReleaseStateJson.ReadOutput(json)!.Apps["api"].LiveVersion);
        Assert.Null(ReleaseStateJson.ReadOutput("config:\n  delivery-platform:environment: dev\n"));
    }
}
