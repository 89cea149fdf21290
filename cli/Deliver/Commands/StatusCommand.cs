using System.Text.Json;
using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Release;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>
/// deliver status: one table per stack, one line per app, its phase first (<see cref="AppPhase"/>)
/// and the live version before the idle one, short digests, within 120 columns; release ids, idle
/// replicas and longer digests under <c>--wide</c>; on a terminal the phase and live version stand
/// out, a rolled-back or frozen phase in red. A stack file with errors shows the apps it can still
/// read, then its errors. <c>--json</c> prints the same facts in full (<see cref="StackStatus"/>).
/// </summary>
internal static class StatusCommand
{
    private const string FromEnvironment = "(env)";

    public static int Run(Workspace workspace, Terminal terminal, string? stack, bool wide, bool json = false)
    {
        var stacks = stack is null ? workspace.Stacks() : [stack];
        var environment = ProcessEnvironment.Read();
        var reports = new List<StackStatus>();
        foreach (var name in stacks)
        {
            var loaded = workspace.Load(name);
            var report = Of(workspace, terminal, name, loaded, environment, withReleaseIds: wide || json);
            reports.Add(report);
            if (!json)
                Print(terminal, report, wide && !loaded.HasErrors);
            if (loaded.HasErrors)
            {
                ProblemPrinter.PrintFor(name, terminal, loaded.Errors);
                terminal.Error($"{name}: has errors (above); the table shows what the file says; run deliver check --stack {name}.");
            }
            if (!json)
                terminal.Line("");
        }
        if (json)
            terminal.Line(JsonSerializer.Serialize(new StatusJson(reports), ReportJsonContext.Default.StatusJson));
        return reports.Any(r => r.Errors.Count > 0) ? ExitCodes.Problems : ExitCodes.Ok;
    }

    private static StackStatus Of(Workspace workspace, Terminal terminal, string name, LoadedConfig loaded, IReadOnlyDictionary<string, string> environment, bool withReleaseIds)
    {
        var config = loaded.Config;
        var upstream = config.Upstream.Length > 0 && File.Exists(workspace.StackFile(config.Upstream)) && workspace.Load(config.Upstream) is { HasErrors: false } up
            ? ReleaseState.Of(up.Config)
            : null;
        var ledger = loaded.HasErrors ? null : Histories.TryRead(workspace, terminal, name);
        // With errors, the apps whose release keys still read: what the file says, not what it would deploy.
        var apps = config.Apps.OrderBy(a => a.Key, StringComparer.Ordinal)
            .SelectMany(a => a.Value.LiveSlot is { } live
                ? [App(name, config, a.Key, a.Value, live, upstream, ledger, environment, withReleaseIds ? loaded.Stack : null)]
                : Array.Empty<AppStatus>())
            .ToList();
        return new StackStatus(name, config.Environment, config.Upstream.Length > 0 ? config.Upstream : null, config.Freeze.Enabled,
            config.Freeze.Enabled ? config.Freeze.Reason : null, ledger is not null, apps, [.. loaded.Errors.Select(p => ProblemJson.Of(name, p))]);
    }

    /// <param name="releaseIdsOf">The validated stack to compute release ids from; null for none (not asked for, or the stack has errors).</param>
    private static AppStatus App(string stack, DeliveryConfig config, string name, AppConfig app, Slot live, ReleaseState? upstream, ReleaseLedger? ledger,
        IReadOnlyDictionary<string, string> environment, ValidStack? releaseIdsOf)
    {
        var keys = AppKeys.App(name);
        var overridden = new[] { AppKeys.CanaryWeight, AppKeys.Version, AppKeys.Live, AppKeys.Blue, AppKeys.Green, AppKeys.IdleReplicas }
            .Select(keys.Key)
            .Where(key => EnvironmentOverrides.Setting(environment, key).Any())
            .Select(key => key.ToString())
            .ToList();
        var lastLive = ledger?.Of(name).LastOrDefault(e => e.ChangesLive);
        var target = ledger is null ? null : RollbackTarget.Of(stack, name, app, ledger);
        var phase = AppPhase.Of(app, lastLive?.Kind == ReleaseEventKind.Rollback, target is { Version.Length: > 0 } ? target.Version : null, config.Freeze.Enabled);
        var upstreamVersion = upstream is null ? null : upstream.Apps.GetValueOrDefault(name)?.LiveVersion ?? "";
        var rollback = target is null || target.Version.Length == 0 ? null : new RollbackStatus(target.Version, Slots.Name(target.Slot),
            target.Slot == Slot.Rolling ? "roll-out" : target.Ready ? "ready" : Slots.Version(app, target.Slot) == target.Version ? "no-replicas" : "gone");
        if (Strategies.IsRolling(app))
        {
            return new AppStatus(name, phase, "rolling", Slots.Name(Slot.Rolling), app.Version, null, "", app.CanaryWeight, null, upstreamVersion, rollback,
                releaseIdsOf is null ? null : ReleaseId.Of(releaseIdsOf, name, Slot.Rolling), null, overridden);
        }
        var idle = Slots.Other(live);
        var idleVersion = Slots.Version(app, idle);
        string? Release(Slot slot) => releaseIdsOf is not null && Slots.Version(app, slot).Length > 0 ? ReleaseId.Of(releaseIdsOf, name, slot) : null;
        // An idle slot with no version runs nothing, whatever idleReplicas says.
        return new AppStatus(name, phase, "blue-green", Slots.Name(live), Slots.Version(app, live), Slots.Name(idle), idleVersion, app.CanaryWeight,
            idleVersion.Length == 0 ? null : app.IdleSlotReplicas, upstreamVersion, rollback, Release(live), Release(idle), overridden);
    }

    private static void Print(Terminal terminal, StackStatus report, bool wide)
    {
        var header = $"{report.Stack} ({report.Environment}{(report.Upstream is null ? "" : $", upstream {report.Upstream}")}{(report.Frozen ? $", FROZEN: {report.FreezeReason}" : "")})";
        terminal.Line(report.Frozen ? terminal.Alarm(header) : header);
        string[] headers = ["app", "phase", "live", "idle", "upstream live", "rollback to", .. wide ? new[] { "idle replicas", "live release", "idle release" } : []];
        var rows = report.Apps.Select(app => Row(app, report.History, wide)).ToList();
        if (rows.Count > 0)
        {
            foreach (var line in TextTable.Lines([headers, .. rows], (row, column, cell) => row == 0 ? cell : Painted(terminal, column, cell)))
                terminal.Line(line);
        }
        if (report.Apps.Any(app => app.FromEnvironment.Count > 0))
            terminal.Line($"{FromEnvironment}: set by a DELIVERY_ environment variable of this shell, not by the stack file.");
    }

    /// <summary>The phase and the live version stand out; a phase that needs someone (rolled back, frozen) is red.</summary>
    private static string Painted(Terminal terminal, int column, string cell) => column switch
    {
        1 when cell.Contains(AppPhase.RolledBack, StringComparison.Ordinal) || cell.Contains(AppPhase.Frozen, StringComparison.Ordinal) => terminal.Alarm(cell),
        1 or 2 => terminal.Emphasis(cell),
        _ => cell,
    };

    private static string[] Row(AppStatus app, bool history, bool wide)
    {
        var keys = AppKeys.App(app.App);
        string Shown(string version) => version.Length == 0 ? "-" : wide ? ImageVersion.Parse(version).Abbreviated : VersionText.Short(version);
        string Env(string cell, params string[] names) => names.Any(key => app.FromEnvironment.Contains(keys.Key(key).ToString())) ? $"{cell} {FromEnvironment}" : cell;
        var phase = Env(app.Phase, AppKeys.CanaryWeight);
        var upstream = app.UpstreamLiveVersion is not { } version ? "-" : version.Length == 0 ? "(not deployed)" : Shown(version) + (version == app.LiveVersion ? " (=)" : "");
        var rollback = !history ? "? (no history)" : app.RollbackTo is not { } target ? "none" : target.State switch
        {
            "roll-out" => $"{Shown(target.Version)} (rolled out again)",
            "ready" => $"{Shown(target.Version)} ({target.Slot}, ready)",
            "no-replicas" => $"{Shown(target.Version)} ({target.Slot}, 0 replicas)",
            _ => $"{Shown(target.Version)} ({target.Slot}, gone)",
        };
        if (app.IdleSlot is null)
        {
            return [app.App, phase, Env($"{Shown(app.LiveVersion)} (rolling)", AppKeys.Version), "-", upstream, rollback,
                .. wide ? new[] { "-", app.LiveReleaseId ?? "-", "-" } : []];
        }
        var idle = app.IdleVersion.Length == 0 ? "-" : $"{Shown(app.IdleVersion)} ({app.IdleSlot})";
        var idleReplicas = app.IdleReplicas?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        return
        [
            app.App, phase, Env($"{Shown(app.LiveVersion)} ({app.LiveSlot})", AppKeys.Live, app.LiveSlot), Env(idle, app.IdleSlot),
            upstream, rollback,
            .. wide ? new[] { Env(idleReplicas, AppKeys.IdleReplicas), app.LiveReleaseId ?? "-", app.IdleReleaseId ?? "-" } : [],
        ];
    }
}
