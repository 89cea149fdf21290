using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Release;
using Delivery.Core.Release.History;
using Delivery.Core.Tests.Release.History;
using Delivery.Core.Tests.Validation;
using Delivery.Core.Validation;
using static Delivery.Core.Release.History.ReleaseEventKind;

namespace Delivery.Core.Tests.Release;

/// <summary>Release steps, state, freeze, ladder and history of a rolling app (web, rolling at 2.3.1 in a dev config).</summary>
public sealed class RollingReleaseTests
{
    private static readonly DateTimeOffset Start = GitRepository.At("2026-01-01T10:00:00Z");

    private static Model.DeliveryConfig Config(params (string Key, string? Value)[] changes)
    {
        var loaded = TestConfigs.Load(StrategyRulesTests.RollingWeb().With(changes));
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return loaded.Config;
    }

    private static ReleaseEvent Event(ReleaseEventKind kind, int hour, string from, string to) =>
        new("dev", "web", kind, Start.AddHours(hour), $"c{hour}", "Ana", "rolling", from, to, "");

    private static ReleaseLedger Ledger(params ReleaseEvent[] events) => new("dev", events, [], Start);

    private static IReadOnlyList<KubernetesObject> Objects(Model.DeliveryConfig config) => AppRenderer.Render(config.Valid(Tier.Dev), "web").Objects;

    [Fact]
    public void Promote_sets_the_version_and_changes_only_the_deployment()
    {
        var edit = ReleaseOperations.Promote(Config(), "web", "2.4.0");

        Assert.Equal([("delivery-platform:apps.web.version", "2.4.0")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.Equal("web: roll out 2.4.0 (was 2.3.1) over its Deployment, 25% surge, 0 unavailable; live as its pods become ready", edit.Summary);
        var diff = RenderingDiff.Between(Objects(Config()), Objects(Config(("apps:web:version", "2.4.0"))));
        Assert.Equal((0, 0), (diff.Added.Count, diff.Removed.Count));
        Assert.Equal(["Deployment/apps/web"], diff.Changed);
    }

    [Fact]
    public void Promoting_the_running_version_is_refused() =>
        Assert.Equal("web 2.3.1 is already live (rolling).", Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Promote(Config(), "web", "2.3.1")).Message);

    [Fact]
    public void Switch_canary_and_abort_are_refused_in_one_sentence_with_the_fix()
    {
        var config = Config();

        Assert.Equal(
            "cannot switch web: it is a rolling app, with one Deployment and no idle slot; release with `deliver promote web <version>`, which goes live as it rolls out (for a canary, make it blue/green: pulumi config set --path delivery-platform:apps.web.strategy blueGreen).",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Switch(config, "web")).Message);
        Assert.StartsWith("cannot canary web: it is a rolling app", Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Canary(config, "web", 10)).Message, StringComparison.Ordinal);
        Assert.Equal(
            "cannot abort web: it is a rolling app, with one Deployment and no idle slot; nothing is staged apart from what runs: to go back, run `deliver rollback web`, or `deliver promote web <version>`.",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Abort(config, "dev", "web", Ledger())).Message);
    }

    [Fact]
    public void Rollback_sets_the_version_back_to_the_one_live_before_the_latest_release()
    {
        var config = Config(("apps:web:version", "2.4.0"));
        var target = RollbackTarget.Of("dev", "web", config.Apps["web"], Ledger(Event(Promote, 1, "2.3.1", "2.4.0")))!;

        Assert.Equal(("2.3.1", Model.Slot.Rolling, true), (target.Version, target.Slot, target.Ready));
        var edit = ReleaseOperations.Rollback(config, "web", target);
        Assert.Equal([("delivery-platform:apps.web.version", "2.3.1")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
    }

    [Fact]
    public void A_rollback_is_not_undone_by_another_and_no_release_has_no_target()
    {
        var afterRollback = RollbackTarget.Of("dev", "web", Config().Apps["web"], Ledger(Event(Promote, 1, "2.3.1", "2.4.0"), Event(Rollback, 2, "2.4.0", "2.3.1")))!;
        var none = RollbackTarget.Of("dev", "web", Config().Apps["web"], Ledger())!;

        Assert.Equal(
            "nothing to roll back: web 2.3.1 is live again since 2026-01-01 12:00 UTC (rolled back from 2.4.0); a rollback is not undone by another: to release 2.4.0 again, run `deliver promote web 2.4.0 --stack dev`.",
            Assert.Throws<ReleaseRefusedException>(() => ReleaseOperations.Rollback(Config(), "web", afterRollback)).Message);
        Assert.Equal("nothing to roll back: web 2.3.1 has been live since 2026-01-01 10:00 UTC (the start of its history here).", none.Refusal);
    }

    [Fact]
    public void The_release_state_records_the_version_and_pulumi_up_knows_a_rollback()
    {
        var deployed = ReleaseState.After(Config(), null);
        var released = ReleaseState.After(Config(("apps:web:version", "2.4.0")), deployed);
        var back = ReleaseState.Of(Config());

        Assert.Equal(new AppReleaseState("", "", "", 0, "2.3.1", "", "2.4.0", ["2.3.1"]), released.Apps["web"]);
        Assert.True(RollbackRule.IsRollback(released.Apps["web"], back.Apps["web"]));
        Assert.False(RollbackRule.IsRollback(released.Apps["web"], ReleaseState.Of(Config(("apps:web:version", "2.5.0"))).Apps["web"]));
        Assert.Equal(new AppReleaseState("", "", "", 0, Version: "2.3.1"), ReleaseState.After(Config(), released).Apps["web"]);
        Assert.Equal(released.Apps["web"], ReleaseStateJson.Read(ReleaseStateJson.Write(released)).Apps["web"]);
    }

    [Fact]
    public void A_state_written_before_rolling_apps_reads_as_blue_green()
    {
        var state = ReleaseStateJson.Read("""{"api":{"blue":"1.4.2","green":"1.5.0","live":"green","canaryWeight":0}}""");

        Assert.False(state.Apps["api"].Rolling);
        Assert.Equal(("1.5.0", "green"), (state.Apps["api"].LiveVersion, state.Apps["api"].LiveKey));
    }

    [Fact]
    public void The_freeze_holds_a_rolling_release_and_names_the_rollback_but_lets_it_pass()
    {
        var deployed = ReleaseState.After(Config(("apps:web:version", "2.4.0")), ReleaseState.After(Config(), null));
        (string, string?)[] frozen = [("freeze:enabled", "true"), ("freeze:reason", "Black Friday")];

        var refused = Assert.Single(ChangeFreeze.Check(Config([.. frozen, ("apps:web:version", "2.5.0")]), deployed));
        Assert.Equal(("delivery-platform:apps.web.version", "2.5.0"), (refused.Key, refused.Value));
        Assert.EndsWith("Only a rollback passes: version back to 2.3.1, the version live before.", refused.Message, StringComparison.Ordinal);
        Assert.Empty(ChangeFreeze.Check(Config(frozen), deployed));
    }

    [Fact]
    public void The_ladder_checks_a_rolling_apps_version_against_upstream()
    {
        var upstream = TestUpstream.LiveOnly(ReleaseState.Of(Config(("apps:web:version", "2.4.0"))));
        var config = Config(("upstream", "qa"), ("apps:web:version", "2.5.0"));

        var problem = Assert.Single(PromotionLadder.Check(config, upstream, ReleaseState.Of(Config())));
        Assert.Equal(("delivery-platform:apps.web.version", "2.5.0"), (problem.Key, problem.Value));
        Assert.Empty(PromotionLadder.Check(Config(("upstream", "qa"), ("apps:web:version", "2.4.0")), upstream, ReleaseState.Of(Config())));
    }

    [Fact]
    public void A_rolling_release_is_staged_live_and_its_rollback_is_no_release()
    {
        var before = ReleaseState.Of(Config());
        var released = ReleaseChange.Between(Config(("apps:web:version", "2.4.0")), before);
        var deployed = ReleaseState.After(Config(("apps:web:version", "2.4.0")), ReleaseState.After(Config(), null));
        var rolledBack = ReleaseChange.Between(Config(), deployed);

        Assert.Equal(ReleaseChangeKind.Release, released.Kind);
        Assert.Equal([new StagedSlot("web", Model.Slot.Rolling, "2.4.0")], released.Staged);
        Assert.Equal(["web: rolling 2.3.1 -> rolling 2.4.0"], released.Changes);
        Assert.Equal(ReleaseChangeKind.Rollback, rolledBack.Kind);
        Assert.Empty(rolledBack.Staged);
    }

    [Fact]
    public void The_ledger_of_a_migration_a_rolling_release_and_its_rollback()
    {
        using var repo = new GitRepository();
        const string file = "stacks/Pulumi.dev.yaml";
        var dev = File.ReadAllText(TestConfigs.StackFile("dev"));
        repo.Write(file, dev);
        repo.Commit("Ana", "2026-01-01T10:00:00Z", "dev stack");
        // web: blue 2.4.0 live → rolling 2.4.0, one change of config.
        repo.Write(file, dev.Replace("      blue: 2.4.0\n      green: 2.4.1-9c0ffee\n      live: blue\n", "      strategy: rolling\n      version: 2.4.0\n", StringComparison.Ordinal));
        var migrate = repo.Commit("Ana", "2026-01-02T10:00:00Z", "web: rolling");
        repo.Set(file, "apps.web.version", "2.5.0");
        var release = repo.Commit("Ben", "2026-01-02T11:00:00Z", "web 2.5.0");
        repo.Set(file, "apps.web.version", "2.4.0");
        var rollback = repo.Commit("Cy", "2026-01-02T12:00:00Z", "roll back web");
        Assert.NotEqual(dev, repo.Read(file));

        var versions = StackFileHistory.Read(repo.Root, file);
        var ledger = ReleaseLedger.Build("dev", versions);

        Assert.Empty(ledger.Notes);
        Assert.Equal(
            [(Promote, release, "rolling", "2.4.0", "2.5.0"), (Rollback, rollback, "rolling", "2.5.0", "2.4.0")],
            ledger.Of("web").Select(e => (e.Kind, e.Commit, e.Slot, e.From, e.To)));
        Assert.DoesNotContain(ledger.Events, e => e.Commit == migrate);
        Assert.True(ledger.Of("web").All(e => e.ChangesLive));
        History.SnapshotPaths.AssertSame("dev", versions);
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Parse(repo.Read(file), "dev", file), TestConfigs.NoEnvironment);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        Assert.StartsWith("2.5.0-", ledger.Of("web").First().ReleaseId, StringComparison.Ordinal);
        Assert.Equal(ReleaseId.Of(loaded.Valid(), "web", ImageVersion.Parse("2.5.0")), ledger.Of("web").First().ReleaseId);
        Assert.Equal(new AppReleaseState("", "", "", 0, Version: "2.4.0"), ledger.StateOf(loaded.Config).Apps["web"]);
        Assert.Equal("nothing to roll back", RollbackTarget.Of("dev", "web", loaded.Config.Apps["web"], ledger)!.Refusal![..20]);
    }
}
