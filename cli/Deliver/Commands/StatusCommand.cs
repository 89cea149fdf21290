using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Release;
using Delivery.Core.Release.History;
using Delivery.Core.Validation;

namespace Deliver.Commands;

/// <summary>
/// deliver status: one table per stack, one line per app, its phase first (<see cref="AppPhase"/>)
/// and the live version before the idle one, short digests, within 120 columns; release ids, idle
/// replicas and longer digests under <c>--wide</c>. A stack file with errors shows the apps it can
/// still read, then its errors.
/// </summary>
internal static class StatusCommand
{
    private const string FromEnvironment = "(env)";

    public static int Run(Workspace workspace, Terminal terminal, string? stack, bool wide)
    {
        var stacks = stack is null ? workspace.Stacks() : [stack];
        var environment = EnvironmentOverrides.OfProcess();
        var failed = false;
        foreach (var name in stacks)
        {
            var loaded = workspace.Load(name);
            var config = loaded.Config;
            var upstream = config.Upstream.Length > 0 && File.Exists(workspace.StackFile(config.Upstream)) && workspace.Load(config.Upstream) is { HasErrors: false } up
                ? ReleaseState.Of(up.Config)
                : null;
            terminal.Line($"{name} ({config.Environment}{(config.Upstream.Length > 0 ? $", upstream {config.Upstream}" : "")}{(config.Freeze.Enabled ? $", FROZEN: {config.Freeze.Reason}" : "")})");
            var ledger = loaded.HasErrors ? null : Histories.TryRead(workspace, terminal, name);
            // With errors, the apps whose release keys still read: what the file says, not what it would deploy.
            var readable = config.Apps.Where(a => a.Value.LiveSlot is not null).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
            string[] headers = ["app", "phase", "live", "idle", "upstream live", "rollback to", .. wide && !loaded.HasErrors ? new[] { "idle replicas", "live release", "idle release" } : []];
            // Release ids hash the rendered pods, which a config with errors does not have.
            var rows = readable.Select(a => Row(name, config, a.Key, a.Value, upstream, ledger, environment, wide && !loaded.HasErrors)).ToList();
            if (rows.Count > 0)
            {
                foreach (var line in TextTable.Lines([headers, .. rows]))
                    terminal.Line(line);
            }
            if (rows.Any(row => row.Any(cell => cell.Contains(FromEnvironment, StringComparison.Ordinal))))
                terminal.Line($"{FromEnvironment}: set by a DELIVERY_ environment variable of this shell, not by the stack file.");
            if (loaded.HasErrors)
            {
                ProblemPrinter.PrintFor(name, terminal, loaded.Errors);
                terminal.Error($"{name}: has errors (above); the table shows what the file says; run deliver check --stack {name}.");
                failed = true;
            }
            terminal.Line("");
        }
        return failed ? ExitCodes.Problems : ExitCodes.Ok;
    }

    private static string[] Row(string stack, DeliveryConfig config, string name, AppConfig app, ReleaseState? upstream, ReleaseLedger? ledger,
        IReadOnlyDictionary<string, string> environment, bool wide)
    {
        var keys = AppKeys.App(name);
        bool Overridden(params string[] names) => names.Any(key => EnvironmentOverrides.Setting(environment, keys.Key(key)).Any());
        string Shown(string version) => version.Length == 0 ? "-" : wide ? Versions.Abbreviated(version) : VersionText.Short(version);
        string Env(string cell, params string[] names) => Overridden(names) ? $"{cell} {FromEnvironment}" : cell;
        var lastLive = ledger?.Of(name).LastOrDefault(e => e.ChangesLive);
        var target = ledger is null ? null : RollbackTarget.Of(stack, name, app, ledger);
        var phase = Env(AppPhase.Of(app, lastLive?.Kind == ReleaseEventKind.Rollback, target is { Version.Length: > 0 } ? target.Version : null, config.Freeze.Enabled), AppKeys.CanaryWeight);
        var upstreamVersion = upstream?.Apps.GetValueOrDefault(name)?.LiveVersion ?? "";
        var live = app.LiveSlot!.Value;
        var liveVersion = Slots.Version(app, live);
        var upstreamCell = upstream is null ? "-" : upstreamVersion.Length == 0 ? "(not deployed)" : Shown(upstreamVersion) + (upstreamVersion == liveVersion ? " (=)" : "");
        var rollback = ledger is null ? "? (no history)" : RollbackTo(app, target, Shown);
        if (Strategies.IsRolling(app))
        {
            return [name, phase, Env($"{Shown(app.Version)} (rolling)", AppKeys.Version), "-", upstreamCell, rollback,
                .. wide ? new[] { "-", ReleaseId.Of(config, name, Slot.Rolling), "-" } : []];
        }
        var idle = Slots.Other(live);
        var idleVersion = Slots.Version(app, idle);
        var idleCell = idleVersion.Length == 0 ? "-" : $"{Shown(idleVersion)} ({Slots.Name(idle)})";
        string Release(Slot slot) => Slots.Version(app, slot).Length == 0 ? "-" : ReleaseId.Of(config, name, slot);
        // An idle slot with no version runs nothing, whatever idleReplicas says.
        var idleReplicas = idleVersion.Length == 0 ? "-" : app.IdleSlotReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            name, phase, Env($"{Shown(liveVersion)} ({Slots.Name(live)})", AppKeys.Live, Slots.Name(live)), Env(idleCell, Slots.Name(idle)),
            upstreamCell, rollback,
            .. wide ? new[] { Env(idleReplicas, AppKeys.IdleReplicas), Release(live), Release(idle) } : [],
        ];
    }

    /// <summary>The rollback target: version, slot and whether it is ready (held with replicas); "none" when there is none.</summary>
    private static string RollbackTo(AppConfig app, RollbackTarget? target, Func<string, string> shown)
    {
        if (target is null || target.Version.Length == 0)
            return "none";
        if (target.Slot == Slot.Rolling)
            return $"{shown(target.Version)} (rolled out again)";
        return $"{shown(target.Version)} ({Slots.Name(target.Slot)}, {(target.Ready ? "ready" : Slots.Version(app, target.Slot) == target.Version ? "0 replicas" : "gone")})";
    }
}
