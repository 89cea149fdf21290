using Delivery.Core.Configuration;
using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>
/// What a stack's upstream vouches for, offline: the upstream stack file's live versions and, from
/// its git history, the ones it ran live before, within the downstream tier's window (the stack
/// output holds the same under Pulumi).
/// </summary>
internal static class UpstreamVouches
{
    /// <returns>null without an upstream, or when the upstream's stack file has errors.</returns>
    public static UpstreamReleases? Read(Workspace workspace, Terminal terminal, LoadedConfig downstream)
    {
        var upstream = downstream.Config.Upstream;
        if (upstream.Length == 0 || downstream.Profile is not { } profile)
            return null;
        var loaded = workspace.Load(upstream);
        if (loaded.HasErrors)
            return null;
        var state = Histories.TryRead(workspace, terminal, upstream)?.StateOf(loaded.Config) ?? ReleaseState.Of(loaded.Config);
        return UpstreamReleases.Of(state, profile.UpstreamWindow);
    }
}
