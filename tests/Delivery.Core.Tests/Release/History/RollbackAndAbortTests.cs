using Delivery.Core.Release;
using Delivery.Core.Release.History;
using static Delivery.Core.Release.History.ReleaseEventKind;

namespace Delivery.Core.Tests.Release.History;

/// <summary>Rollback goes to the last good version only; abort un-stages; promote says when it replaces the target.</summary>
public sealed class RollbackAndAbortTests
{
    private static readonly DateTimeOffset Start = GitRepository.At("2026-01-01T10:00:00Z");

    // TestConfigs.ValidDev: api blue 1.4.2, green 1.5.0 live.
    private static Model.DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    private static ReleaseEvent Event(ReleaseEventKind kind, int hour, string slot, string from, string to) =>
        new("dev", "api", kind, Start.AddHours(hour), $"c{hour}", "Ana", slot, from, to, "");

    private static ReleaseLedger Ledger(params ReleaseEvent[] events) => new("dev", events, [], Start);

    private static RollbackTarget Target(Model.DeliveryConfig config, ReleaseLedger ledger) =>
        RollbackTarget.Of("dev", "api", config.Apps["api"], ledger)!;

    /// <summary>1.4.2 was live in blue; the switch to green made 1.5.0 live.</summary>
    private static readonly ReleaseEvent Switched = Event(Switch, 2, "green", "1.4.2", "1.5.0");

    [Fact]
    public void After_a_switch_the_rollback_makes_the_previous_version_live_again()
    {
        var target = Target(Config(), Ledger(Switched));

        Assert.Equal(("1.4.2", Model.Slot.Blue, true), (target.Version, target.Slot, target.Ready));
        var edit = ReleaseOperations.Rollback(Config(), "api", target);
        Assert.Equal([("delivery-platform:apps.api.live", "blue")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
    }

    [Fact]
    public void Right_after_a_promote_with_no_switch_there_is_nothing_to_roll_back_and_abort_is_named()
    {
        var config = Config(("apps:api:blue", "1.7.0"));
        var target = Target(config, Ledger(Event(Promote, 1, "blue", "1.4.2", "1.7.0")));

        Assert.False(target.Ready);
        Assert.Equal("nothing to roll back: api 1.5.0 has been live since 2026-01-01 10:00 UTC (the start of its history here); to drop the staged 1.7.0 run `deliver abort api --stack dev`.", target.Refusal);
        Assert.Equal(target.Refusal, Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Rollback(config, "api", target)).Message);
    }

    [Fact]
    public void A_promote_over_the_target_makes_rollback_wait_for_an_abort()
    {
        var config = Config(("apps:api:blue", "1.7.0"));
        var target = Target(config, Ledger(Switched, Event(Promote, 3, "blue", "1.4.2", "1.7.0")));

        Assert.Equal("cannot roll back api to 1.4.2: the idle blue slot now holds 1.7.0; run `deliver abort api --stack dev` to put 1.4.2 back, deploy it, then roll back.", target.Refusal);
    }

    [Fact]
    public void A_target_that_is_in_no_slot_any_more_needs_a_redeploy()
    {
        var config = Config(("apps:api:blue", "1.7.0"));
        // blue held 1.3.0 (hand-edited) when 1.4.2 was replaced; abort would bring back 1.3.0, not the target.
        var target = Target(config, Ledger(Switched, Event(Promote, 3, "blue", "1.3.0", "1.7.0")));

        Assert.Equal("cannot roll back api to 1.4.2: the idle blue slot now holds 1.7.0; 1.4.2 is in no slot any more: stage it with `deliver promote api 1.4.2 --stack dev`, deploy, then switch.", target.Refusal);
    }

    [Fact]
    public void A_rollback_is_not_undone_by_another()
    {
        // 1.5.0 went live, then was rolled back to 1.4.2 (green); now blue (1.4.2) is live again.
        var config = Config(("apps:api:live", "blue"));
        var target = Target(config, Ledger(Switched, Event(Rollback, 3, "blue", "1.5.0", "1.4.2")));

        Assert.Equal("nothing to roll back: api 1.4.2 is live again since 2026-01-01 13:00 UTC (rolled back from 1.5.0); a rollback is not undone by another: to release 1.5.0 again, stage it and run `deliver switch api --stack dev`.", target.Refusal);
    }

    [Fact]
    public void An_idle_slot_scaled_to_zero_is_no_instant_rollback()
    {
        var target = Target(Config(("apps:api:idleReplicas", "0")), Ledger(Switched));

        Assert.StartsWith("cannot roll back api to 1.4.2: the idle blue slot is scaled to 0 replicas; run pulumi config rm --path delivery-platform:apps.api.idleReplicas", target.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_says_when_it_replaces_the_rollback_target()
    {
        var edit = ReleaseOperations.Promote(Config(), "api", "1.7.0", Target(Config(), Ledger(Switched)));

        Assert.Equal("blue held 1.4.2, the rollback target; after this, rolling back needs a redeploy of 1.4.2 (or `deliver abort api` before the switch).", edit.Notice);
        Assert.Null(ReleaseOperations.Promote(Config(), "api", "1.7.0", Target(Config(), Ledger())).Notice);
    }

    [Fact]
    public void Abort_gives_the_idle_slot_back_what_it_held_before_the_first_promote_since_the_switch()
    {
        var config = Config(("apps:api:blue", "1.7.1"));
        var ledger = Ledger(Switched, Event(Promote, 3, "blue", "1.4.2", "1.7.0"), Event(Promote, 4, "blue", "1.7.0", "1.7.1"));

        var edit = ReleaseOperations.Abort(config, "dev", "api", ledger);

        Assert.Equal([("delivery-platform:apps.api.blue", "1.4.2")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.Equal("api: un-stage 1.7.1 from the idle blue slot, back to 1.4.2 (as before the promote of 2026-01-01 13:00 UTC)", edit.Summary);
    }

    [Fact]
    public void Abort_under_a_running_canary_ends_the_canary_so_no_traffic_reaches_the_restored_build()
    {
        var config = Config(("apps:api:blue", "1.7.1"), ("apps:api:canaryWeight", "20"));
        var ledger = Ledger(Switched, Event(Promote, 3, "blue", "1.4.2", "1.7.1"));

        var edit = ReleaseOperations.Abort(config, "dev", "api", ledger);

        Assert.Equal([("delivery-platform:apps.api.blue", "1.4.2"), ("delivery-platform:apps.api.canaryWeight", "0")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.EndsWith("; the 20% canary ends", edit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Abort_with_nothing_staged_since_the_switch_is_refused()
    {
        var error = Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Abort(Config(), "dev", "api", Ledger(Event(Promote, 1, "green", "", "1.5.0"), Switched)));

        Assert.Equal("nothing to abort: no version was staged in api's idle blue slot since its last live change in dev (it holds 1.4.2).", error.Message);
    }
}
