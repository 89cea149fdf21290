using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Release;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>
/// deliver diff --releases: what a change does as releases, for a PR preview. The events are those of
/// the stack file's history that the base revision does not contain (commits of the branch, and
/// uncommitted changes); the verdict is the release guard's (freeze, staging, ladder) on the current
/// config against the config at the base, with the rollback target the history had there.
/// </summary>
internal static class ReleaseSummary
{
    public static void Print(Workspace workspace, Terminal terminal, string stack, string against, LoadedConfig before, LoadedConfig after)
    {
        terminal.Line($"{stack}: releases against {against}");
        ReleaseLedger ledger;
        IReadOnlySet<string> inBase;
        try
        {
            ledger = Histories.Read(workspace, stack);
            inBase = Histories.CommitsIn(workspace, against);
        }
        catch (HistoryUnavailableException unavailable)
        {
            terminal.Line($"  no release history: {unavailable.Message}");
            return;
        }
        var pending = ledger.Events.Where(e => !inBase.Contains(e.Commit)).ToList();
        if (pending.Count == 0)
            terminal.Line("  no release events (no version, live slot, canary weight or freeze changed)");
        foreach (var e in pending)
        {
            terminal.Line($"  {(e.App.Length == 0 ? "(stack)" : e.App)}  {e.KindName}  {(e.Slot.Length == 0 ? "" : e.Slot + "  ")}{Or(e.From)} → {Or(e.To)}  " +
                          $"({(e.Commit.Length == 0 ? "uncommitted" : e.Commit[..10])}, {e.Author})");
        }

        var baseLedger = ledger with { Events = [.. ledger.Events.Where(e => inBase.Contains(e.Commit))] };
        var deployed = baseLedger.StateOf(before.Config);
        var upstream = after.Config.Upstream;
        var vouched = UpstreamVouches.Read(workspace, terminal, after);
        var verdict = ReleaseGuard.Judge(after.Config, deployed, vouched);
        terminal.Line(!after.Config.Freeze.Enabled ? "  freeze: not frozen"
            : verdict.Freeze.Count == 0 ? $"  freeze: frozen ({after.Config.Freeze.Reason}); passes (no release change, or a rollback)"
            : $"  freeze: REFUSED: {string.Join(" ", verdict.Freeze.Select(p => $"{p.Key}: {p.Message}"))}");
        if (upstream.Length == 0)
            terminal.Line("  ladder: no upstream");
        else if (vouched is null)
            terminal.Line($"  ladder: unknown, the upstream stack {upstream} has errors");
        else
        {
            terminal.Line(verdict.Ladder.Count == 0 ? $"  ladder: passes (every live or canary version is live in {upstream} or was in its last {vouched.Window} releases, was live here, or is a rollback)"
                : $"  ladder: {(verdict.Ladder.Any(p => p.IsError) ? "REFUSED" : "passes with warnings")}: {string.Join(" ", verdict.Ladder.Select(p => $"{p.Key} = {p.Value}: {p.Message}"))}");
        }
        terminal.Line(verdict.Staging.Count == 0 ? "  staging: passes (every live version ran in its slot first; no canary on a build staged by this change)"
            : $"  staging: REFUSED: {string.Join(" ", verdict.Staging.Select(p => $"{p.Key} = {p.Value}: {p.Message}"))}");
    }

    private static string Or(string text) => text.Length == 0 ? "-" : text;
}
