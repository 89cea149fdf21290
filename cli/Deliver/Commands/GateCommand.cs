using System.Text.Json;
using Delivery.Core.Chat;
using Delivery.Core.Configuration;
using Delivery.Core.Incidents;
using Delivery.Core.Io;
using Delivery.Core.Monitoring;
using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>
/// deliver gate: the release gate on alerts and error budgets (not the freeze, which is
/// <c>freeze.enabled</c>). Compares the stack file with its deployed state (the stack's releaseState
/// output saved to a file, as the release script does; or a git revision, HEAD~1 by default, or a
/// stack file) and refuses a release
/// while a critical alert of this stack fires (silenced or not), an app's error budget burns fast or
/// the Watchdog alert is absent. A rollback always passes. DELIVERY_ overrides beyond capacity (any,
/// in CI) are refused first. Exit 0 pass, 1 refused, 2 cannot judge. <c>--json</c> prints the verdict
/// (docs/json.md) instead of the change and pass lines; notes, refusals and "cannot judge" still go to stderr.
/// </summary>
internal static class GateCommand
{
    public const string DefaultAgainst = "HEAD~1";
    private const string Pass = "pass";
    private const string Refused = "refused";

    /// <summary>How far back the stack file's history is read to tell a rollback (a version live here before) from a release.</summary>
    private const int HistoryDepth = 50;

    /// <param name="fileIncident">On a refusal for firing critical alerts, open (or update) its incident issue in release.incidents' tracker.</param>
    public static int Run(Workspace workspace, Terminal terminal, string stack, string alertmanager, string? prometheus, string against, HttpClient http, bool json = false,
        bool fileIncident = false)
    {
        if (RefusesOverrides(terminal, stack))
            return ExitCodes.Problems;
        try
        {
            var change = Change(workspace, stack, against, out var current);
            var config = current.Config;
            void Report(string verdict, IReadOnlyList<string> reasons, IReadOnlyList<FiringAlert> firing, IReadOnlyList<string> outOfScope) =>
                terminal.Line(JsonSerializer.Serialize(new GateJson(stack, against, KindName(change.Kind), change.Changes, verdict, reasons,
                    [.. firing.Select(alert => new GateAlertJson(alert.Name, alert.App, alert.Summary, alert.Muted))],
                    outOfScope, prometheus is not null), ReportJsonContext.Default.GateJson));
            if (!json)
            {
                foreach (var line in change.Changes)
                    terminal.Line($"  {line}");
            }
            if (change.Kind != ReleaseChangeKind.Release)
            {
                if (json)
                    Report(Pass, [], [], []);
                else if (change.Kind == ReleaseChangeKind.None)
                    terminal.Success($"pass: {stack} changes no version, live slot or canary weight against {against}; nothing to gate.");
                else
                    terminal.Success($"pass: {stack} rolls back to versions live here before; a rollback is never held by the gate.");
                return ExitCodes.Ok;
            }

            var alerts = new AlertmanagerAlerts(MonitoringEndpoint.Parse("Alertmanager", "--alertmanager", alertmanager, http));
            var firing = alerts.Firing();
            var burning = new List<BudgetBurn>();
            if (prometheus is null)
            {
                terminal.Warning("note: error budgets not checked (no --prometheus); only firing alerts gate this release.");
            }
            else
            {
                var queries = new PrometheusQueries(MonitoringEndpoint.Parse("Prometheus", "--prometheus", prometheus, http));
                foreach (var (app, query, threshold) in ReleaseGate.BurnQueries(config))
                {
                    if (queries.Vector(query) is [{ } sample, ..])
                        burning.Add(new BudgetBurn(app, sample.Value, threshold, query));
                }
            }
            var verdict = ReleaseGate.Judge(config, change, firing, burning);
            foreach (var other in verdict.OutOfScope)
                terminal.Warning($"note: not this release's ({string.Join(", ", change.Apps)}): {other} (release.gateScope: stack counts every app).");
            if (json)
                Report(verdict.Passes ? Pass : Refused, verdict.Reasons, verdict.Firing, verdict.OutOfScope);
            if (verdict.Passes)
            {
                if (!json)
                    terminal.Success($"pass: no critical alert of {stack} is firing{(prometheus is null ? "" : " and no error budget burns fast")}; the release may go ahead.");
                return ExitCodes.Ok;
            }
            foreach (var reason in verdict.Reasons)
                terminal.Error($"  {reason}");
            var count = verdict.Reasons.Count == 1 ? "1 problem" : $"{verdict.Reasons.Count} problems";
            terminal.Error($"refused: {count} in {stack} (above); wait until {(verdict.Reasons.Count == 1 ? "it resolves" : "they resolve")}, or roll back the app that causes {(verdict.Reasons.Count == 1 ? "it" : "them")}: deliver rollback <app> --stack {stack}.");
            if (fileIncident && verdict.Firing.Count > 0)
                FileIncident(current, terminal, change, verdict, http, json ? terminal.Warning : terminal.Success);
            return ExitCodes.Problems;
        }
        catch (CannotJudgeException e)
        {
            terminal.Error(e.Message);
            return ExitCodes.CannotJudge;
        }
    }

    /// <summary>
    /// The incident of a refusal for firing critical alerts, in the stack's tracker; whatever the tracker
    /// answers, the refusal stands (a tracker that fails says so on stderr).
    /// </summary>
    private static void FileIncident(LoadedConfig loaded, Terminal terminal, ReleaseChange change, GateVerdict verdict, HttpClient http, Action<string> filed)
    {
        var stack = loaded.StackName;
        if (IncidentFiling.NothingToFile(loaded, terminal, stack) is not null)
            return;
        var alertReasons = verdict.Firing.Select(ReleaseGate.Reason).ToHashSet(StringComparer.Ordinal);
        var alertApps = verdict.Firing.Select(alert => alert.App).OfType<string>().ToList();
        var report = new GateRefusalReport(stack, change.Changes, change.Apps, loaded.Config.Release.GateScope, verdict.Firing,
            [.. verdict.Reasons.Where(reason => !alertReasons.Contains(reason))], DateTimeOffset.UtcNow, CiRunLink.From(ProcessEnvironment.Read()),
            loaded.Stack is { } valid ? IncidentDashboards.For(valid, alertApps.Count > 0 ? alertApps : change.Apps) : []);
        if (IncidentFiling.File(loaded.Config.Release.Incidents, terminal, stack, GateRefusalTemplate.Issue(report), null, http, filed) != ExitCodes.Ok)
            terminal.Error($"the refusal stands; its incident was not filed (above).");
    }

    /// <summary>The change's kind as the JSON reports name it: <c>none</c>, <c>rollback</c>, <c>release</c>.</summary>
    public static string KindName(ReleaseChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// Prints the DELIVERY_ overrides of this process that a release refuses (ReleaseOverrides: only
    /// capacity, nothing with CI set) and says nothing was judged; true if there was one.
    /// </summary>
    public static bool RefusesOverrides(Terminal terminal, string stack)
    {
        if (!ProblemPrinter.PrintFor(stack, terminal, ReleaseOverrides.Refused(ProcessEnvironment.Read())))
            return false;
        terminal.Error($"refused: {stack}'s release must come from its stack file alone; nothing was judged.");
        return true;
    }

    /// <summary>What the stack file changes against its deployed state, told a rollback or a release by the file's history.</summary>
    public static ReleaseChange Change(Workspace workspace, string stack, string against, out LoadedConfig current)
    {
        current = workspace.Load(stack);
        // What pulumi up last applied, as its releaseState output records it: the truth, whatever commits came between.
        if (File.Exists(against) && ReleaseStateJson.ReadOutput(File.ReadAllText(against)) is { } applied)
        {
            if (current.HasErrors)
                throw new CannotJudgeException($"cannot judge: {stack} has config errors now; run deliver check --stack {stack}.");
            return ReleaseChange.Between(current.Config, applied);
        }
        var deployed = Workspace.Load(StackRevisions.ReadStack(workspace, stack, against), stack, against);
        if (current.HasErrors || deployed.HasErrors)
            throw new CannotJudgeException($"cannot judge: {stack} has config errors {(current.HasErrors ? "now" : $"at {against}")}; run deliver check --stack {stack}.");
        // The deployed state with the rollback target its history records, as pulumi up keeps it in releaseState.
        var deployedState = StackRevisions.Earlier(workspace, stack, against, HistoryDepth)
            .Reverse()
            .Select(earlier => Workspace.Load(earlier.Text, stack, earlier.Revision))
            .Where(loaded => !loaded.HasErrors)
            .Append(deployed)
            .Aggregate((ReleaseState?)null, (state, loaded) => ReleaseState.After(loaded.Config, state))!;
        return ReleaseChange.Between(current.Config, deployedState);
    }
}
