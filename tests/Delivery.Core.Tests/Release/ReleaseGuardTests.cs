using Delivery.Core.Model;
using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

/// <summary>
/// The walk-arounds of issue #21, each as a team would take it, refused by the one guard that
/// pulumi up, the deliver steps and the pull request's summary share. Deployed: api live green
/// 1.5.0, blue 1.4.2 idle; web live blue 2.3.1.
/// </summary>
public sealed class ReleaseGuardTests
{
    private static DeliveryConfig Config(params (string Key, string? Value)[] changes) => PromotionLadderTests.Config(changes);

    private static readonly ReleaseState Deployed = ReleaseState.Of(Config());

    /// <summary>Staging runs api 1.5.0 and web 2.3.1.</summary>
    private static readonly UpstreamReleases Staging = TestUpstream.LiveOnly(Deployed);

    [Fact]
    public void A_canary_on_a_version_upstream_never_ran_is_refused_though_staging_it_was_not()
    {
        var staged = Config(("apps:api:blue", "1.7.0"));
        var canary = Config(("apps:api:blue", "1.7.0"), ("apps:api:canaryWeight", "100"));

        Assert.Empty(ReleaseGuard.Check(staged, Deployed, Staging));
        var problem = Assert.Single(ReleaseGuard.Check(canary, ReleaseState.Of(staged), Staging));
        Assert.Equal(("delivery-platform:apps.api.canaryWeight", "1.7.0"), (problem.Key, problem.Value));
        Assert.Equal("cannot take 100% of traffic as a canary (1.7.0): the upstream stack staging has not run it live; it vouches for 1.5.0 (I1).", problem.Message);
    }

    [Fact]
    public void A_merged_switch_and_promote_that_puts_an_unstaged_build_live_is_refused()
    {
        // A: deliver switch api (live -> blue, 1.4.2). B, from the same base: deliver promote api 1.8.0 (into blue, then idle).
        var merged = Config(("apps:api:live", "blue"), ("apps:api:blue", "1.8.0"));

        var problem = Assert.Single(ReleaseGuard.Judge(merged, Deployed, upstream: null).Staging);

        Assert.Equal(("delivery-platform:apps.api.blue", "1.8.0"), (problem.Key, problem.Value));
        Assert.StartsWith("goes live in blue, which held 1.4.2, not this version: a build goes live only after it ran in the idle slot (I2", problem.Message, StringComparison.Ordinal);
        Assert.Equal("deploy the stack with api live where it was (green, 1.5.0) and 1.8.0 in the idle slot first, then deliver switch api.", problem.Fix);
    }

    [Fact]
    public void Editing_the_live_slots_version_in_place_is_refused_and_a_switch_to_a_staged_build_is_not()
    {
        var inPlace = Config(("apps:api:green", "1.5.1"));
        var switched = Config(("apps:api:live", "blue"));

        Assert.StartsWith("changes the live green slot in place (was 1.5.0)", Assert.Single(ReleaseGuard.Check(inPlace, Deployed, upstream: null)).Message, StringComparison.Ordinal);
        Assert.Empty(ReleaseGuard.Check(switched, Deployed, upstream: null));
    }

    [Fact]
    public void A_canary_weight_on_a_build_staged_by_the_same_change_is_refused()
    {
        var canaried = Config(("apps:api:blue", "1.4.2"), ("apps:api:canaryWeight", "30"));
        var promotedOver = Config(("apps:api:blue", "1.6.0"), ("apps:api:canaryWeight", "30"));

        Assert.Empty(ReleaseGuard.Check(canaried, Deployed, upstream: null));
        var problem = Assert.Single(ReleaseGuard.Check(promotedOver, ReleaseState.Of(canaried), upstream: null));
        Assert.Equal("delivery-platform:apps.api.canaryWeight", problem.Key);
        Assert.Equal("sends 30% of traffic to 1.6.0, staged in the idle blue slot by this same change: a new build starts at weight 0 (I3).", problem.Message);
    }

    [Fact]
    public void Promote_over_a_running_canary_ends_the_canary_and_says_so()
    {
        var canaried = Config(("apps:api:canaryWeight", "30"));

        var edit = ReleaseOperations.Promote(canaried, "api", "1.6.0");

        Assert.Equal([("delivery-platform:apps.api.blue", "1.6.0"), ("delivery-platform:apps.api.canaryWeight", "0")], edit.Changes.Select(c => (c.Path.ToString(), c.Value)));
        Assert.Contains("the 30% canary to 1.4.2 ends", edit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollback_passes_the_guard_even_frozen_and_against_an_upstream_that_moved_on()
    {
        var afterSwitch = ReleaseState.After(Config(("apps:api:live", "blue")), Deployed);
        var rollback = Config(("freeze:enabled", "true"), ("freeze:reason", "incident 42"));
        var movedOn = TestUpstream.LiveOnly(ReleaseState.Of(Config(("apps:api:green", "9.9.9"))));

        Assert.Empty(ReleaseGuard.Check(rollback, afterSwitch, movedOn));
    }

    [Theory]
    [InlineData("freeze:enabled", "false", "delivery-platform:freeze.enabled", "lifts the freeze")]
    [InlineData("upstream", null, "delivery-platform:upstream", "drops the upstream staging")]
    [InlineData("apps:api:hotfixReason", "CVE-2026-1", "delivery-platform:apps.api.hotfixReason", "sets a hotfix reason")]
    public void A_rule_loosened_in_the_same_change_as_a_release_is_refused_and_alone_it_passes(string key, string? value, string path, string what)
    {
        var frozen = ReleaseState.Of(Config(("freeze:enabled", "true"), ("freeze:reason", "incident 42")));
        var loosened = Config((key, value), ("freeze:enabled", key == "freeze:enabled" ? "false" : "true"), ("freeze:reason", "incident 42"));
        var withRelease = Config((key, value), ("freeze:enabled", key == "freeze:enabled" ? "false" : "true"), ("freeze:reason", "incident 42"), ("apps:api:live", "blue"));
        var deployed = key == "freeze:enabled" ? frozen : Deployed with { Rules = Deployed.Rules! with { Frozen = true } };

        Assert.DoesNotContain(ReleaseGuard.Judge(loosened, deployed, upstream: null).Staging, p => p.Message.Contains("(I4)", StringComparison.Ordinal));
        var problem = Assert.Single(ReleaseGuard.Judge(withRelease, deployed, upstream: null).Staging);
        Assert.Equal(path, problem.Key);
        Assert.Equal($"{what} in the same change as a release: a change to the release rules deploys alone, before any release (I4).", problem.Message);
    }

    [Fact]
    public void Lowering_a_canary_passes_even_once_upstream_moved_on_and_raising_it_does_not()
    {
        var canaried = ReleaseState.Of(Config(("apps:api:canaryWeight", "50")));
        var movedOn = TestUpstream.LiveOnly(ReleaseState.Of(Config(("apps:api:green", "9.9.9"))));

        Assert.Empty(ReleaseGuard.Check(Config(("apps:api:canaryWeight", "10")), canaried, movedOn));
        Assert.Single(ReleaseGuard.Check(Config(("apps:api:canaryWeight", "80")), canaried, movedOn));
    }

    [Fact]
    public void An_app_added_with_a_canary_weight_is_refused_like_any_new_build()
    {
        var added = Config(("apps:shop:image", "shop/shop"), ("apps:shop:blue", "1.0.0"), ("apps:shop:green", "1.1.0"), ("apps:shop:live", "blue"), ("apps:shop:canaryWeight", "50"));

        var problem = Assert.Single(ReleaseGuard.Judge(added, Deployed, upstream: null).Staging);

        Assert.Equal("delivery-platform:apps.shop.canaryWeight", problem.Key);
    }
}
