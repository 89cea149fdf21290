using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Release;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Release;

public sealed class PromotionLadderTests
{
    internal static DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With([("upstream", "staging"), .. changes])).Config;

    /// <summary>Staging runs api 1.5.0 and web 2.3.1 live.</summary>
    private static readonly UpstreamReleases Staging = TestUpstream.LiveOnly(new ReleaseState(new Dictionary<string, AppReleaseState>
    {
        ["api"] = new("1.4.2", "1.5.0", "green", 0),
        ["web"] = new("2.3.1", "", "blue", 0),
    }));

    [Fact]
    public void A_version_live_upstream_may_go_live()
    {
        Assert.Empty(PromotionLadder.Check(Config(), Staging, deployed: null));
    }

    [Fact]
    public void A_version_not_live_upstream_may_not_go_live()
    {
        var problem = Assert.Single(PromotionLadder.Check(Config(("apps:api:green", "1.6.0")), Staging, deployed: null));

        Assert.Equal("delivery-platform:apps.api.green", problem.Key);
        Assert.Equal("1.6.0", problem.Value);
        Assert.Equal("cannot go live: the upstream stack staging has not run it live; it vouches for 1.5.0 (I1).", problem.Message);
        Assert.True(problem.IsError);
    }

    [Fact]
    public void A_pinned_version_whose_tag_upstream_runs_by_tag_alone_passes_with_a_warning_that_says_how_to_check_it()
    {
        var pinned = ExampleVersions.Pinned("1.5.0");

        var problem = Assert.Single(PromotionLadder.Check(Config(("apps:api:green", pinned)), Staging, deployed: null));

        Assert.False(problem.IsError);
        Assert.Equal(("delivery-platform:apps.api.green", pinned), (problem.Key, problem.Value));
        Assert.Equal($"goes live on staging's word for the tag 1.5.0: staging runs it by tag, so nothing here shows it ran {pinned[6..]}.", problem.Message);
        Assert.Equal("compare the image staging's pods run: kubectl -n apps get pods -l app.kubernetes.io/name=api,app.kubernetes.io/version=1.5.0 -o jsonpath='{..imageID}' (on staging's cluster); or pin staging's versions too.", problem.Fix);
    }

    [Fact]
    public void A_pinned_version_upstream_runs_pinned_is_vouched_for_exactly_and_another_digest_or_tag_is_not()
    {
        var pinned = ExampleVersions.Pinned("1.5.0");
        var upstream = TestUpstream.LiveOnly(new ReleaseState(new Dictionary<string, AppReleaseState> { ["api"] = new("1.4.2", pinned, "green", 0) }));

        Assert.Equal(Vouch.Exact, upstream.VouchFor("api", pinned));
        Assert.Equal(Vouch.None, upstream.VouchFor("api", "1.5.0@sha256:" + new string('0', 64)));
        Assert.Equal(Vouch.None, upstream.VouchFor("api", "1.5.0"));
        Assert.Equal(Vouch.TagOnly, Staging.VouchFor("api", pinned));
        Assert.Equal(Vouch.None, Staging.VouchFor("api", ExampleVersions.Pinned("1.6.0")));
        Assert.Equal(Vouch.None, Staging.VouchFor("other", pinned));
    }

    [Fact]
    public void Staging_a_version_in_the_idle_slot_needs_no_upstream()
    {
        Assert.Empty(PromotionLadder.Check(Config(("apps:api:blue", "1.7.0-rc.1")), Staging, deployed: null));
    }

    [Fact]
    public void A_rollback_to_the_recorded_previous_version_is_not_held_but_a_never_live_one_is()
    {
        // Deployed: 1.4.9 live in green after a switch from blue, which still holds 1.3.0 (not live upstream any more).
        var deployed = new ReleaseState(new Dictionary<string, AppReleaseState>
        {
            ["api"] = new("1.3.0", "1.4.9", "green", 0, PreviousLiveVersion: "1.3.0", PreviousLiveSlot: "blue"),
            ["web"] = new("2.3.1", "", "blue", 0),
        });

        Assert.Empty(PromotionLadder.Check(Config(("apps:api:blue", "1.3.0"), ("apps:api:live", "blue")), Staging, deployed));
        Assert.Equal("cannot go live: the upstream stack staging has not run it live; it vouches for 1.5.0 (I1).",
            Assert.Single(PromotionLadder.Check(Config(("apps:api:blue", "1.3.1"), ("apps:api:live", "blue")), Staging, deployed)).Message);
    }

    [Fact]
    public void A_version_already_live_before_is_not_rechecked()
    {
        var config = Config(("apps:api:green", "1.4.9"));

        Assert.Empty(PromotionLadder.Check(config, Staging, deployed: ReleaseState.Of(config)));
    }

    [Fact]
    public void An_app_the_upstream_does_not_run_cannot_be_promoted()
    {
        var upstream = new UpstreamReleases(new Dictionary<string, IReadOnlySet<string>>());

        var problems = PromotionLadder.Check(Config(), upstream, deployed: null);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.EndsWith("and does not run this app (I1).", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_hotfix_with_a_reason_goes_through_and_is_reported()
    {
        var problem = Assert.Single(PromotionLadder.Check(
            Config(("apps:api:green", "1.5.1"), ("apps:api:hotfixReason", "CVE-2026-1234 in the TLS stack")), Staging, deployed: null));

        Assert.False(problem.IsError);
        Assert.Equal("goes live without being live in staging: a hotfix (CVE-2026-1234 in the TLS stack).", problem.Message);
    }

    [Fact]
    public void A_stack_without_upstream_has_no_ladder()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;

        Assert.Empty(PromotionLadder.Check(config, new UpstreamReleases(new Dictionary<string, IReadOnlySet<string>>()), deployed: null));
    }

    [Fact]
    public void The_committed_prod_stack_climbs_the_ladder_from_the_committed_staging_stack()
    {
        var staging = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile("staging")), TestConfigs.NoEnvironment).Config;
        var prod = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile("prod")), TestConfigs.NoEnvironment).Config;
        var upstream = TestUpstream.LiveOnly(ReleaseState.Of(staging));

        // prod's live api 1.4.2 was deployed before; switching prod to green (1.5.0, live in staging) is allowed.
        Assert.Empty(PromotionLadder.Check(prod, upstream, ReleaseState.Of(prod)));
        prod.Apps["api"].Live = "green";
        Assert.DoesNotContain(PromotionLadder.Check(prod, upstream, deployed: null), p => p.Key.Contains("api", StringComparison.Ordinal));
    }
}
