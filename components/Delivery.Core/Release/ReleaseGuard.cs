using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Release;

/// <summary>
/// The release rules, judged against what is deployed, in one place for <c>pulumi up</c>, the
/// <c>deliver</c> steps and the pull request's summary:
/// the freeze (<see cref="ChangeFreeze"/>);
/// I1, no traffic to a build upstream has not vouched for, live or canary (<see cref="PromotionLadder"/>);
/// I2, a version goes live only from the slot it was staged in (a switch) or as the rollback, never
/// by editing the live slot, so every build takes traffic only after it ran idle;
/// I3, a build staged in the idle slot starts at canary weight 0, so no share of traffic reaches a
/// build nobody has looked at;
/// I4, a change that loosens the rules (lifts the freeze, drops or changes the upstream, sets a
/// hotfix reason) deploys alone, before any release change, so no release is judged by rules that
/// were never deployed. A rollback (<see cref="RollbackRule"/>) passes every rule.
/// </summary>
public static class ReleaseGuard
{
    /// <summary>Every problem of <see cref="Judge"/>, for the callers that only refuse or pass.</summary>
    public static IReadOnlyList<ConfigProblem> Check(DeliveryConfig config, ReleaseState? deployed, UpstreamReleases? upstream) =>
        Judge(config, deployed, upstream).All;

    /// <param name="deployed">What the stack runs now; null on a first deploy (nothing to compare).</param>
    /// <param name="upstream">What the upstream stack vouches for; null without an upstream, or for a rollback step.</param>
    public static ReleaseVerdict Judge(DeliveryConfig config, ReleaseState? deployed, UpstreamReleases? upstream)
    {
        var current = ReleaseState.Of(config);
        return new(deployed is null ? [] : ChangeFreeze.Check(config, deployed),
            upstream is null ? [] : PromotionLadder.Check(config, upstream, deployed),
            deployed is null ? [] : [.. LiveOnlyFromStaged(current, deployed), .. NewBuildsStartAtWeightZero(current, deployed), .. RulesLoosenedAlone(config, deployed)]);
    }

    /// <summary>I2: the live version after the change is the one the new live slot held before, unless it is the rollback (an app added by this change goes live at once: nothing ran before it).</summary>
    private static IEnumerable<ConfigProblem> LiveOnlyFromStaged(ReleaseState current, ReleaseState deployed)
    {
        foreach (var (name, now) in current.Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (deployed.Apps.GetValueOrDefault(name) is not { } before || now.Rolling || before.Rolling || Slots.Parse(now.Live) is null)
                continue;
            var staged = before.VersionIn(now.Live);
            if (now.LiveVersion == staged || RollbackRule.IsRollback(before, now))
                continue;
            var app = AppKeys.App(name);
            var held = staged.Length == 0 ? "no version" : staged;
            var how = now.Live == before.Live
                ? $"changes the live {now.Live} slot in place (was {held})"
                : $"goes live in {now.Live}, which held {held}, not this version";
            yield return ConfigProblem.Error(app.Key(now.Live), now.LiveVersion,
                $"{how}: a build goes live only after it ran in the idle slot (I2; a merge of a switch and a promote does this too).",
                $"deploy the stack with {name} live where it was ({before.Live}, {before.LiveVersion}) and {now.LiveVersion} in the idle slot first, then deliver switch {name}.");
        }
    }

    /// <summary>I3: a canary weight above 0 only on an idle version that was already deployed (an app added by this change has none).</summary>
    private static IEnumerable<ConfigProblem> NewBuildsStartAtWeightZero(ReleaseState current, ReleaseState deployed)
    {
        foreach (var (name, now) in current.Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (now.Rolling || now.CanaryWeight <= 0 || now.IdleSlot.Length == 0)
                continue;
            var (idle, version) = (now.IdleSlot, now.IdleVersion);
            if (deployed.Apps.GetValueOrDefault(name) is { } before && version == before.VersionIn(idle))
                continue;
            yield return ConfigProblem.Error(AppKeys.App(name).Key(AppKeys.CanaryWeight), now.CanaryWeight.ToString(CultureInfo.InvariantCulture),
                $"sends {now.CanaryWeight.ToString(CultureInfo.InvariantCulture)}% of traffic to {version}, staged in the idle {idle} slot by this same change: a new build starts at weight 0 (I3).",
                $"deploy it at weight 0 first: deliver canary {name} 0; after the deploy, deliver canary {name} <percent>.");
        }
    }

    /// <summary>I4: a looser rule than the deployed one, in the same change as a release, is refused on the rule's key.</summary>
    private static IEnumerable<ConfigProblem> RulesLoosenedAlone(DeliveryConfig config, ReleaseState deployed)
    {
        if (deployed.Rules is not { } before || ReleaseChange.Between(config, deployed).Kind != ReleaseChangeKind.Release)
            yield break;
        var loosened = new List<(ConfigPath Key, string Value, string What)>();
        if (before.Frozen && !config.Freeze.Enabled)
            loosened.Add((ConfigPath.Root("freeze").Key("enabled"), "false", "lifts the freeze"));
        if (before.Upstream.Length > 0 && config.Upstream != before.Upstream)
            loosened.Add((ConfigPath.Root("upstream"), config.Upstream, config.Upstream.Length == 0 ? $"drops the upstream {before.Upstream}" : $"changes the upstream from {before.Upstream}"));
        foreach (var (name, app) in config.Apps.Where(a => a.Value.HotfixReason.Length > 0).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (before.HotfixReasons.GetValueOrDefault(name) != app.HotfixReason)
                loosened.Add((AppKeys.App(name).Key(AppKeys.HotfixReason), app.HotfixReason, "sets a hotfix reason"));
        }
        foreach (var (key, value, what) in loosened)
        {
            yield return ConfigProblem.Error(key, value,
                $"{what} in the same change as a release: a change to the release rules deploys alone, before any release (I4).",
                "deploy the rule change alone first (revert the release steps, deploy, then take them again), so the release is judged by rules that are in force.");
        }
    }
}

/// <summary>The guard's problems by rule: the freeze, the ladder (I1), and how builds reach traffic (I2, I3).</summary>
public sealed record ReleaseVerdict(IReadOnlyList<ConfigProblem> Freeze, IReadOnlyList<ConfigProblem> Ladder, IReadOnlyList<ConfigProblem> Staging)
{
    public IReadOnlyList<ConfigProblem> All => [.. Freeze, .. Ladder, .. Staging];
}
