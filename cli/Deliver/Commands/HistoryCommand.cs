using System.Globalization;
using System.Text.Json;
using Delivery.Core.Io;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>deliver history: the release events of the stacks' git history, newest first, or their DORA figures.</summary>
internal static class HistoryCommand
{
    private static readonly string[] Headers = ["time", "stack", "app", "event", "slot", "from → to", "commit", "author"];

    /// <param name="verbose">Each skipped version's note, and the release ids (full versions), instead of one line and short digests.</param>
    public static int Run(Workspace workspace, Terminal terminal, string? stack, string? app, string? since, bool json, bool dora, string window, bool verbose)
    {
        var now = DateTimeOffset.UtcNow;
        var period = since is null ? (TimeSpan?)null : Periods.Parse(since, "--since");
        var failureWindow = Periods.Parse(window, "--window");
        var stacks = stack is null ? workspace.Stacks() : [stack];
        var ledgers = new List<ReleaseLedger>();
        foreach (var name in stacks)
        {
            try
            {
                ledgers.Add(Histories.Read(workspace, name));
            }
            catch (HistoryUnavailableException unavailable)
            {
                terminal.Error($"{name}: no release history: {unavailable.Message}");
                return ExitCodes.Problems;
            }
        }
        var notes = ledgers.SelectMany(l => l.Notes).ToList();
        if (verbose)
        {
            foreach (var note in notes)
                terminal.Warning($"note: {note}");
        }
        else if (notes.Count > 0)
        {
            // Old commits break rules added since (a key that became required, say): history skips them; one line says so.
            terminal.Warning($"note: {notes.Count} version{(notes.Count == 1 ? " of a stack file was" : "s of the stack files were")} skipped (invalid or unreadable then); --verbose lists them.");
        }

        if (dora)
        {
            var from = now - (period ?? TimeSpan.FromDays(30));
            var figures = DoraFigures.Compute(ledgers, Ladder.Of(workspace), from, now, failureWindow, Histories.AppChanges(workspace, stacks));
            if (json)
                terminal.Line(JsonSerializer.Serialize(figures, HistoryJsonContext.Default.DoraFigures));
            else
                PrintDora(terminal, figures);
            return ExitCodes.Ok;
        }

        // Newest first; events of the same second keep the history's order, reversed.
        var events = ledgers.SelectMany(l => l.Events.Select((e, index) => (Event: e, Index: index)))
            .Where(p => app is null || p.Event.App == app || (p.Event.App.Length == 0 && p.Event.Kind is ReleaseEventKind.FreezeOn or ReleaseEventKind.FreezeOff))
            .Where(p => period is null || p.Event.Time >= now - period.Value)
            .OrderByDescending(p => p.Event.Time)
            .ThenBy(p => p.Event.Stack, StringComparer.Ordinal)
            .ThenByDescending(p => p.Index)
            .Select(p => p.Event)
            .ToList();
        if (json)
        {
            terminal.Line(JsonSerializer.Serialize(events.Select(ReleaseEventJson.Of).ToList(), HistoryJsonContext.Default.ListReleaseEventJson));
            return ExitCodes.Ok;
        }
        if (events.Count == 0)
        {
            terminal.Line($"no release events{(app is null ? "" : $" for {app}")}{(since is null ? "" : $" in the last {since}")}.");
            return ExitCodes.Ok;
        }
        string Shown(string version) => verbose ? Or(version) : VersionText.Short(version);
        var rows = events.Select(e => (string[])
        [
            RollbackTarget.When(e.Time), e.Stack, e.App.Length == 0 ? "-" : e.App, e.KindName, e.Slot.Length == 0 ? "-" : e.Slot,
            $"{Shown(e.From)} → {Shown(e.To)}", e.Commit.Length == 0 ? "(uncommitted)" : e.Commit[..10], e.Author, .. verbose ? new[] { Or(e.ReleaseId) } : [],
        ]);
        foreach (var line in TextTable.Lines([[.. Headers, .. verbose ? new[] { "release" } : []], .. rows]))
            terminal.Line(line);
        return ExitCodes.Ok;
    }

    private static void PrintDora(Terminal terminal, DoraFigures figures)
    {
        terminal.Line($"DORA figures from {RollbackTarget.When(figures.From)} to {RollbackTarget.When(figures.To)} ({(figures.To - figures.From).TotalDays:0.#} days; a deployment failed if rolled back within {Periods.Format(figures.FailureWindow)})");
        var rows = figures.Stacks.Select(s => new[]
        {
            s.Stack, s.Deployments.ToString(CultureInfo.InvariantCulture), s.DeploymentsPerDay.ToString("0.00", CultureInfo.InvariantCulture),
            s.ChangeFailureRate is { } rate ? $"{rate * 100:0.#}% ({s.RolledBack}/{s.Deployments})" : "n/a",
            Periods.Format(s.MedianTimeToRestore), Periods.Format(s.WorstTimeToRestore),
        });
        foreach (var line in TextTable.Lines([["stack", "deployments", "per day", "change failure rate", "restore (median)", "restore (worst)"], .. rows]))
            terminal.Line(line);
        if (figures.LeadTime is { } lead)
        {
            terminal.Line($"lead time for changes ({lead.First} first promote → live in {lead.Last}): median {Periods.Format(lead.Median)}, worst {Periods.Format(lead.Worst)} " +
                          $"over {lead.Releases} release{(lead.Releases == 1 ? "" : "s")}{(lead.WithoutFirstPromote > 0 ? $"; {lead.WithoutFirstPromote} went live in {lead.Last} with no promote in {lead.First} on record" : "")}");
        }
        else
        {
            terminal.Line("lead time for changes: n/a (no promotion ladder of two or more stacks)");
        }
        foreach (var stack in figures.Stacks.Where(s => s.Deployments > 0))
        {
            var fromCommit = stack.LeadTimeFromCommit;
            var without = fromCommit.WithoutAppCommit > 0 ? $"; {fromCommit.WithoutAppCommit} carried no app commit (promoted by hand)" : "";
            terminal.Line(fromCommit.Deployments == 0
                ? $"lead time for changes (app commit → live in {stack.Stack}): n/a{without}"
                : $"lead time for changes (app commit → live in {stack.Stack}): median {Periods.Format(fromCommit.Median)}, worst {Periods.Format(fromCommit.Worst)} " +
                  $"over {fromCommit.Deployments} deployment{(fromCommit.Deployments == 1 ? "" : "s")}{without}");
        }
    }

    private static string Or(string text) => text.Length == 0 ? "-" : text;
}
