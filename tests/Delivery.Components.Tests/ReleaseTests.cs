using System.Collections;
using Delivery.Core.Release;
using Pulumi;
using static Delivery.Core.Tests.ExampleVersions;

namespace Delivery.Components.Tests;

/// <summary>Releases under Pulumi: a switch is a one-object change; bad config, freezes and the ladder stop the program first.</summary>
public sealed class ReleaseTests
{
    private static async Task<Dictionary<string, string>> AppGroupObjects(EngineConfig config)
    {
        var run = await StackRun.RunAsync("dev", config, StackRun.CommittedReleaseStates());
        var group = run.Single("kubernetes:yaml/v2:ConfigGroup", "app-api");
        return ((IEnumerable)group.Inputs["objs"]).Cast<IDictionary>().ToDictionary(
            o => $"{o["kind"]}/{((IDictionary)o["metadata"]!)["name"]}",
            o => Canonical.Json(o));
    }

    [Fact]
    public async Task Switching_live_changes_only_the_live_service_handed_to_the_apps_config_group()
    {
        var before = await AppGroupObjects(StackRun.Committed("dev"));
        var after = await AppGroupObjects(StackRun.Committed("dev").Set("apps.api.live", "blue"));

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Equal(["Service/api"], before.Keys.Where(id => before[id] != after[id]));
    }

    [Fact]
    public async Task A_bad_config_fails_with_every_problem_before_any_resource_is_registered()
    {
        var config = StackRun.Committed("dev").Set("apps.api.green", "latest").Set("apps.api.port", "80");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("dev", config, StackRun.CommittedReleaseStates()));

        var message = error.ToString();
        Assert.Contains("2 configuration problems; nothing was changed:", message, StringComparison.Ordinal);
        Assert.Contains("error: delivery-platform:apps.api.green = \"latest\": is a moving tag", message, StringComparison.Ordinal);
        Assert.Contains("error: delivery-platform:apps.api.port = \"80\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_config_registers_nothing()
    {
        var mocks = new Mocks(new Dictionary<string, string>());
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", StackRun.Committed("dev").Set("environment", "production").ConfigJson());
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => Deployment.TestAsync(mocks,
                new Pulumi.Testing.TestOptions { ProjectName = StackRun.Project, StackName = "dev", IsPreview = false }, () => DeliveryProgram.RunAsync())));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
        Assert.Empty(mocks.Registered);
    }

    [Fact]
    public async Task A_frozen_stack_refuses_a_switch_against_its_last_deployed_state()
    {
        var config = StackRun.Committed("prod").Set("freeze.enabled", "true").Set("freeze.reason", "Black Friday").Set("apps.api.live", "green");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod", config, StackRun.CommittedReleaseStates()));

        Assert.Contains("the stack is frozen (Black Friday); changing it from \"blue\" is refused.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ladder_refuses_a_version_not_live_upstream_and_lets_a_promoted_one_through()
    {
        var states = StackRun.CommittedReleaseStates();

        var promoted = await StackRun.RunAsync("prod", StackRun.Committed("prod").Set("apps.api.live", "green"), states);
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            StackRun.RunAsync("prod", StackRun.Committed("prod").Set("apps.api.green", Pinned("1.6.0")).Set("apps.api.live", "green"), states));

        Assert.Equal("green", ReleaseStateJson.Read((string)promoted.Outputs["releaseState"]!).Apps["api"].Live);
        Assert.Contains("cannot go live: the upstream stack staging has not run it live", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// prod as deployed last: switched from blue (1.4.2) to green (1.5.0), so its releaseState
    /// records 1.4.2 in blue as the previous live version: the rollback target.
    /// </summary>
    private static Dictionary<string, string> ProdSwitchedToGreen()
    {
        var states = new Dictionary<string, string>(StackRun.CommittedReleaseStates());
        var prod = ReleaseStateJson.Read(states["prod"]);
        states["prod"] = ReleaseStateJson.Write(new ReleaseState(prod.Apps.ToDictionary(
            a => a.Key,
            a => a.Key == "api" ? a.Value with { Live = "green", PreviousLiveVersion = Pinned("1.4.2"), PreviousLiveSlot = "blue" } : a.Value,
            StringComparer.Ordinal)));
        return states;
    }

    [Fact]
    public async Task A_rollback_to_the_recorded_previous_version_passes_a_freeze_and_clears_the_target()
    {
        // The committed prod file has live: blue, i.e. back to 1.4.2.
        var config = StackRun.Committed("prod").Set("freeze.enabled", "true").Set("freeze.reason", "Black Friday");

        var run = await StackRun.RunAsync("prod", config, ProdSwitchedToGreen());

        var api = ReleaseStateJson.Read((string)run.Outputs["releaseState"]!).Apps["api"];
        Assert.Equal(("blue", "", ""), (api.Live, api.PreviousLiveVersion, api.PreviousLiveSlot));
    }

    [Fact]
    public async Task A_fake_rollback_to_a_never_live_version_is_refused_by_the_freeze_and_the_ladder()
    {
        var fake = StackRun.Committed("prod").Set("apps.api.blue", Pinned("1.7.0"));

        var frozen = await Assert.ThrowsAnyAsync<Exception>(() =>
            StackRun.RunAsync("prod", fake.Set("freeze.enabled", "true").Set("freeze.reason", "Black Friday"), ProdSwitchedToGreen()));
        var ladder = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod", fake, ProdSwitchedToGreen()));

        Assert.Contains($"the stack is frozen (Black Friday); changing it from \"green\" is refused. Only a rollback passes: live back to blue, which holds {Pinned("1.4.2")}, the version live before.",
            frozen.ToString(), StringComparison.Ordinal);
        Assert.Contains($"error: delivery-platform:apps.api.blue = \"{Pinned("1.7.0")}\": cannot go live: the upstream stack staging has not run it live", ladder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_switch_records_the_version_it_replaced_as_the_rollback_target()
    {
        var run = await StackRun.RunAsync("prod", StackRun.Committed("prod").Set("apps.api.live", "green"), StackRun.CommittedReleaseStates());

        var api = ReleaseStateJson.Read((string)run.Outputs["releaseState"]!).Apps["api"];
        Assert.Equal(("green", Pinned("1.4.2"), "blue"), (api.Live, api.PreviousLiveVersion, api.PreviousLiveSlot));
    }

    [Fact]
    public async Task A_downstream_stack_whose_upstream_never_deployed_gets_one_clear_error()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod", StackRun.Committed("prod"), new Dictionary<string, string>()));

        Assert.Contains("the upstream stack has no releaseState output", error.ToString(), StringComparison.Ordinal);
    }
}
