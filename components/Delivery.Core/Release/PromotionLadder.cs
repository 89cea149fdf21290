using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Release;

/// <summary>
/// prod ← staging ← dev (I1): a version may take traffic in a stack, live or as a canary above weight
/// 0, only if the upstream stack runs it live, or ran it live within the tier's window
/// (<see cref="UpstreamReleases"/>). A version already
/// taking traffic before is not re-checked (live before, or the same idle version already under a
/// canary), nor is a rollback (<see cref="RollbackRule"/>); staging a version sends it no traffic
/// and is not checked. A hotfix is let through only with an explicit reason, and reported. A pinned
/// version that upstream runs by its bare tag passes with a warning: nothing in the stacks shows
/// that upstream's tag named this digest.
/// </summary>
public static class PromotionLadder
{
    /// <param name="upstream">Per app, the versions the upstream stack vouches for.</param>
    /// <param name="deployed">What this stack ran before; null on a first deploy.</param>
    public static IReadOnlyList<ConfigProblem> Check(DeliveryConfig config, UpstreamReleases upstream, ReleaseState? deployed)
    {
        if (config.Upstream.Length == 0)
            return [];
        var problems = new List<ConfigProblem>();
        foreach (var (name, app) in ReleaseState.Of(config).Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var before = deployed?.Apps.GetValueOrDefault(name);
            var version = app.LiveVersion;
            if (version.Length > 0 && before?.LiveVersion != version && !(before is not null && RollbackRule.IsRollback(before, app)))
                problems.AddRange(Judge(config, upstream, name, version, AppKeys.App(name).Key(app.LiveKey), "go live", "goes live"));
            // A canary is judged when it is new or grows; a lower weight only gives traffic back.
            if (Canary(app) is { } canary && (before is null || Canary(before) is not { } was || was.Version != canary.Version || canary.Weight > was.Weight))
            {
                var share = $"{canary.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}% of traffic";
                problems.AddRange(Judge(config, upstream, name, canary.Version, AppKeys.App(name).Key(AppKeys.CanaryWeight), $"take {share} as a canary ({canary.Version})", $"takes {share} as a canary ({canary.Version})"));
            }
        }
        return problems;
    }

    /// <summary>The idle version a canary sends traffic to, or null without one.</summary>
    private static (string Version, int Weight)? Canary(AppReleaseState app) =>
        !app.Rolling && app.CanaryWeight > 0 && app.IdleVersion.Length > 0 ? (app.IdleVersion, app.CanaryWeight) : null;

    /// <param name="cannot">What the refusal says the version cannot do ("go live").</param>
    /// <param name="does">What a warning says it does ("goes live").</param>
    private static IEnumerable<ConfigProblem> Judge(DeliveryConfig config, UpstreamReleases upstream, string name, string version, ConfigPath path, string cannot, string does)
    {
        var vouch = upstream.VouchFor(name, version);
        if (vouch == Vouch.Exact)
            yield break;
        if (vouch == Vouch.TagOnly)
        {
            var pinned = ImageVersion.Parse(version);
            var upstreamLabel = ImageVersion.Parse(pinned.Tag).Label;
            yield return ConfigProblem.Warning(path, version,
                $"{does} on {config.Upstream}'s word for the tag {pinned.Tag}: {config.Upstream} runs it by tag, so nothing here shows it ran {pinned.Digest}.",
                $"compare the image {config.Upstream}'s pods run: kubectl -n {Kubernetes.PlatformNamespaces.Apps} get pods -l {Kubernetes.StandardLabels.Name}={name},{Kubernetes.StandardLabels.Version}={upstreamLabel} -o jsonpath='{{..imageID}}' (on {config.Upstream}'s cluster); or pin {config.Upstream}'s versions too.");
            yield break;
        }
        var hotfix = config.Apps[name].HotfixReason;
        if (hotfix.Length > 0)
        {
            yield return ConfigProblem.Warning(path, version,
                $"{does} without being live in {config.Upstream}: a hotfix ({hotfix}).",
                $"promote the same version through {config.Upstream} afterwards, then clear the reason: deliver hotfix {name} --clear.");
            yield break;
        }
        var known = upstream.VersionsOf(name);
        var hotfixFix = $"or for a hotfix: deliver hotfix {name} --reason \"<why>\", deployed alone first (I4).";
        if (upstream.ReleasesAgo(name, version) is { } ago)
        {
            yield return ConfigProblem.Error(path, version,
                $"cannot {cannot}: the upstream stack {config.Upstream} ran it live {ago} releases ago; this tier takes its live version and the {upstream.Window} before it, {string.Join(", ", known)} (I1).",
                $"take one of those, or run it live in {config.Upstream} again (deliver promote {name} {version} --stack {config.Upstream}, then switch there), {hotfixFix}");
            yield break;
        }
        yield return ConfigProblem.Error(path, version,
            $"cannot {cannot}: the upstream stack {config.Upstream} has not run it live" +
            (known.Count == 0 ? " and does not run this app (I1)." : $"; it vouches for {string.Join(", ", known)} (I1)."),
            $"promote it through {config.Upstream} first (deliver promote {name} {version} --stack {config.Upstream}, then switch there), {hotfixFix}");
    }
}

/// <summary>
/// The versions an upstream stack vouches for, per app: the live one and the last
/// <paramref name="Window"/> it ran live before (<see cref="EarlierLive"/>); <paramref name="Older"/>
/// holds the earlier ones past the window, so a refusal can say why one no longer counts.
/// </summary>
public sealed record UpstreamReleases(
    IReadOnlyDictionary<string, IReadOnlySet<string>> Versions, IReadOnlyDictionary<string, IReadOnlyList<string>>? Older = null, int Window = 0)
{
    /// <summary>What an upstream stack's state vouches for (its stack output under Pulumi; offline, its stack file with its git history).</summary>
    /// <param name="window">How many earlier live versions still count: the downstream tier's <see cref="TierProfile.UpstreamWindow"/>.</param>
    public static UpstreamReleases Of(ReleaseState upstream, int window) =>
        new(upstream.Apps
                .Where(a => a.Value.LiveVersion.Length > 0)
                .ToDictionary(a => a.Key, a => (IReadOnlySet<string>)new SortedSet<string>([a.Value.LiveVersion, .. (a.Value.EarlierLive ?? []).Take(window)], StringComparer.Ordinal), StringComparer.Ordinal),
            upstream.Apps.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. (a.Value.EarlierLive ?? []).Skip(window)], StringComparer.Ordinal),
            window);

    /// <summary>
    /// The same version string vouches exactly; a pinned version's bare tag, where upstream runs it by
    /// tag alone (dev takes tags; staging pins the digest the tag named), only for the tag.
    /// </summary>
    public Vouch VouchFor(string app, string version)
    {
        var vouched = Versions.GetValueOrDefault(app);
        if (vouched is null)
            return Vouch.None;
        if (vouched.Contains(version))
            return Vouch.Exact;
        var parsed = ImageVersion.Parse(version);
        return parsed.IsPinned && vouched.Contains(parsed.Tag) ? Vouch.TagOnly : Vouch.None;
    }

    public IReadOnlyList<string> VersionsOf(string app) => [.. Versions.GetValueOrDefault(app) ?? new SortedSet<string>()];

    /// <summary>How many releases ago upstream ran <paramref name="version"/> live, where that is past the window; null otherwise.</summary>
    public int? ReleasesAgo(string app, string version)
    {
        var older = Older?.GetValueOrDefault(app)?.ToList() ?? [];
        var index = older.IndexOf(version) is >= 0 and var exact ? exact
            : ImageVersion.Parse(version) is { IsPinned: true } pinned ? older.IndexOf(pinned.Tag) : -1;
        return index >= 0 ? Window + index + 1 : null;
    }
}
