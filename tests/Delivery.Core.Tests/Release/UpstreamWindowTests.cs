using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Release;
using Delivery.Core.Release.History;
using static Delivery.Core.Release.History.ReleaseEventKind;

namespace Delivery.Core.Tests.Release;

/// <summary>
/// The ladder's window (#21, defect 2): a version the upstream ran live stays eligible downstream
/// after upstream moves on, for as many releases as the downstream tier's profile says; one the
/// upstream was rolled back from does not.
/// </summary>
public sealed class UpstreamWindowTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Dev's api config, live in <paramref name="live"/>.</summary>
    private static DeliveryConfig Dev(string blue, string green, string live) =>
        PromotionLadderTests.Config(("upstream", null), ("apps:api:blue", blue), ("apps:api:green", green), ("apps:api:live", live));

    /// <summary>Dev's deployed state after running each (blue, green, live) in turn, as pulumi up records it.</summary>
    private static ReleaseState Deployed(params (string Blue, string Green, string Live)[] steps) =>
        steps.Aggregate((ReleaseState?)null, (state, s) => ReleaseState.After(Dev(s.Blue, s.Green, s.Live), state))!;

    [Fact]
    public void A_switch_records_the_version_it_replaced_first_and_a_version_live_again_leaves_the_list()
    {
        Assert.Equal(["2.4.0"], EarlierLive.After(null, "2.4.0", "2.5.0", rollback: false));
        Assert.Equal(["2.5.0", "2.4.0"], EarlierLive.After(["2.4.0"], "2.5.0", "2.6.0", rollback: false));
        Assert.Equal(["2.6.0", "2.5.0"], EarlierLive.After(["2.5.0", "2.4.0"], "2.6.0", "2.4.0", rollback: false));
    }

    [Fact]
    public void A_rollback_drops_the_version_it_leaves_since_that_one_failed()
    {
        Assert.Equal(["2.3.0"], EarlierLive.After(["2.4.0", "2.3.0"], "2.5.0", "2.4.0", rollback: true));
    }

    [Fact]
    public void At_most_the_kept_number_of_versions_are_recorded()
    {
        var earlier = Enumerable.Range(0, 30).Aggregate((IReadOnlyList<string>)[], (list, i) => EarlierLive.After(list, $"1.{i}.0", $"1.{i + 1}.0", rollback: false));

        Assert.Equal(EarlierLive.Kept, earlier.Count);
        Assert.Equal("1.29.0", earlier[0]);
    }

    [Fact]
    public void Dev_moving_on_keeps_the_version_it_ran_eligible_for_staging()
    {
        // The example: dev ran 2.4.0, staged and switched to 2.5.0; staging's canaried 2.4.0 may still go live.
        var dev = Deployed(("2.4.0", "2.3.0", "blue"), ("2.4.0", "2.5.0", "green"));
        var staging = PromotionLadderTests.Config(("upstream", "dev"), ("apps:api:blue", "2.3.0"), ("apps:api:green", "2.4.0"), ("apps:api:live", "green"));
        var deployed = ReleaseState.Of(PromotionLadderTests.Config(("upstream", "dev"), ("apps:api:blue", "2.3.0"), ("apps:api:green", "2.4.0"), ("apps:api:live", "blue")));

        Assert.Equal(["2.4.0"], dev.Apps["api"].EarlierLive);
        Assert.Empty(PromotionLadder.Check(staging, UpstreamReleases.Of(dev, TierProfile.Staging.UpstreamWindow), deployed));
        Assert.Single(PromotionLadder.Check(staging, UpstreamReleases.Of(dev, window: 0), deployed));
    }

    [Fact]
    public void A_version_past_the_window_is_refused_saying_how_many_releases_ago_upstream_ran_it()
    {
        // Dev ran 1.0.0 … 1.4.0 live in turn: 1.0.0 is four releases behind the live 1.4.0.
        var dev = Deployed(("1.0.0", "", "blue"), ("1.0.0", "1.1.0", "green"), ("1.2.0", "1.1.0", "blue"), ("1.2.0", "1.3.0", "green"), ("1.4.0", "1.3.0", "blue"));
        var prod = PromotionLadderTests.Config(("apps:api:blue", "0.9.0"), ("apps:api:green", "1.0.0"), ("apps:api:live", "green"));
        var deployed = ReleaseState.Of(PromotionLadderTests.Config(("apps:api:blue", "0.9.0"), ("apps:api:green", "1.0.0"), ("apps:api:live", "blue")));

        var problem = Assert.Single(PromotionLadder.Check(prod, UpstreamReleases.Of(dev, TierProfile.Prod.UpstreamWindow), deployed));

        Assert.True(problem.IsError);
        Assert.Equal("cannot go live: the upstream stack staging ran it live 4 releases ago; this tier takes its live version and the 3 before it, 1.1.0, 1.2.0, 1.3.0, 1.4.0 (I1).", problem.Message);
        Assert.StartsWith("take one of those, or run it live in staging again (deliver promote api 1.0.0 --stack staging, then switch there)", problem.Fix, StringComparison.Ordinal);
        Assert.Empty(PromotionLadder.Check(prod, UpstreamReleases.Of(dev, TierProfile.Staging.UpstreamWindow), deployed));
    }

    [Fact]
    public void A_version_upstream_was_rolled_back_from_is_not_eligible()
    {
        // Dev switched 2.4.0 → 2.5.0, then rolled back to 2.4.0: 2.5.0 failed there.
        var dev = Deployed(("2.4.0", "", "blue"), ("2.4.0", "2.5.0", "green"), ("2.4.0", "2.5.0", "blue"));
        var staging = PromotionLadderTests.Config(("upstream", "dev"), ("apps:api:blue", "2.4.0"), ("apps:api:green", "2.5.0"), ("apps:api:live", "green"));
        var deployed = ReleaseState.Of(PromotionLadderTests.Config(("upstream", "dev"), ("apps:api:blue", "2.4.0"), ("apps:api:green", "2.5.0"), ("apps:api:live", "blue")));

        Assert.Null(dev.Apps["api"].EarlierLive);
        Assert.True(Assert.Single(PromotionLadder.Check(staging, UpstreamReleases.Of(dev, TierProfile.Staging.UpstreamWindow), deployed)).IsError);
    }

    [Fact]
    public void The_earlier_live_versions_travel_in_the_stack_output()
    {
        var dev = Deployed(("2.4.0", "", "blue"), ("2.4.0", "2.5.0", "green"));

        var json = ReleaseStateJson.Write(dev);

        Assert.Contains("\"earlierLive\":[\"2.4.0\"]", json, StringComparison.Ordinal);
        Assert.Equal(["2.4.0"], ReleaseStateJson.Read(json).Apps["api"].EarlierLive);
        Assert.DoesNotContain("earlierLive", ReleaseStateJson.Write(Deployed(("2.4.0", "", "blue"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_the_upstream_stack_files_history_gives_the_same_earlier_versions_as_the_stack_output()
    {
        // Switch to 2.5.0, switch to 2.6.0, roll back to 2.5.0: the output and the git history agree on [2.4.0].
        var output = Deployed(("2.4.0", "", "blue"), ("2.4.0", "2.5.0", "green"), ("2.6.0", "2.5.0", "blue"), ("2.6.0", "2.5.0", "green"));
        ReleaseEvent Live(ReleaseEventKind kind, int hour, string slot, string from, string to) => new("dev", "api", kind, Start.AddHours(hour), $"c{hour}", "Ana", slot, from, to, "");
        var ledger = new ReleaseLedger("dev", [Live(Switch, 1, "green", "2.4.0", "2.5.0"), Live(Switch, 2, "blue", "2.5.0", "2.6.0"), Live(Rollback, 3, "green", "2.6.0", "2.5.0")], [], Start);

        var fromHistory = ledger.StateOf(Dev("2.6.0", "2.5.0", "green"));

        Assert.Equal(["2.4.0"], output.Apps["api"].EarlierLive);
        Assert.Equal(output.Apps["api"].EarlierLive, fromHistory.Apps["api"].EarlierLive);
    }
}
