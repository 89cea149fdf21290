using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Release;
using Delivery.Core.Validation;

namespace Deliver.Commands;

/// <summary>deliver status: one table per stack, a row per app; a rolling app shows live <c>rolling (&lt;version&gt;)</c> and no slots.</summary>
internal static class StatusCommand
{
    private static readonly string[] Headers = ["app", "blue", "green", "live", "canary", "idle replicas", "live release", "idle release", "upstream live", "rollback to"];

    public static int Run(Workspace workspace, Terminal terminal, string? stack)
    {
        var stacks = stack is null ? workspace.Stacks() : [stack];
        var environment = EnvironmentOverrides.OfProcess();
        var failed = false;
        foreach (var name in stacks)
        {
            var loaded = workspace.Load(name);
            if (loaded.HasErrors)
            {
                terminal.Error($"{name}: has errors; run deliver check --stack {name}");
                failed = true;
                continue;
            }
            var upstream = loaded.Config.Upstream.Length > 0 && File.Exists(workspace.StackFile(loaded.Config.Upstream))
                ? ReleaseState.Of(workspace.Load(loaded.Config.Upstream).Config)
                : null;
            terminal.Line($"{name} ({loaded.Config.Environment}{(loaded.Config.Upstream.Length > 0 ? $", upstream {loaded.Config.Upstream}" : "")}{(loaded.Config.Freeze.Enabled ? $", FROZEN: {loaded.Config.Freeze.Reason}" : "")})");
            var ledger = Histories.TryRead(workspace, terminal, name);
            var rows = loaded.Config.Apps.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => Row(loaded.Config, a.Key, a.Value, upstream, environment).Append(RollbackTo(name, a.Key, a.Value, ledger)).ToArray())
                .ToList();
            foreach (var line in TextTable.Lines([Headers, .. rows]))
                terminal.Line(line);
            if (rows.Any(row => row.Any(cell => cell.EndsWith(FromEnvironment, StringComparison.Ordinal))))
                terminal.Line($"{FromEnvironment}: set by a DELIVERY_ environment variable of this shell, not by the stack file.");
            terminal.Line("");
        }
        return failed ? ExitCodes.Problems : ExitCodes.Ok;
    }

    private const string FromEnvironment = "(env)";

    private static string[] Row(DeliveryConfig config, string name, AppConfig app, ReleaseState? upstream, IReadOnlyDictionary<string, string> environment)
    {
        var rolling = Strategies.IsRolling(app);
        var live = app.LiveSlot!.Value;
        string Release(Slot slot) => Slots.Version(app, slot).Length == 0 ? "-" : ReleaseId.Of(config, name, slot);
        var upstreamVersion = upstream?.Apps.GetValueOrDefault(name)?.LiveVersion ?? "";
        var upstreamLive = upstream is null ? "-" : upstreamVersion.Length > 0 ? Versions.Abbreviated(upstreamVersion) : "(not deployed)";
        var appPath = AppKeys.App(name);
        string Marked(string key, string shown) => EnvironmentOverrides.Setting(environment, appPath.Key(key)).Any() ? $"{shown} {FromEnvironment}" : shown;
        var upstreamCell = upstreamLive + (upstreamVersion.Length > 0 && upstreamVersion == Slots.Version(app, live) ? " (=)" : "");
        if (rolling)
            return [name, "-", "-", Marked(AppKeys.Version, $"rolling ({Or(app.Version)})"), "-", "-", Release(Slot.Rolling), "-", upstreamCell];
        var idle = Slots.Other(live);
        // An idle slot with no version runs nothing, whatever idleReplicas says.
        var idleReplicas = Slots.Version(app, idle).Length == 0 ? "-" : app.IdleSlotReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            name, Marked(AppKeys.Blue, Or(app.Blue)), Marked(AppKeys.Green, Or(app.Green)), Marked(AppKeys.Live, app.Live), Marked(AppKeys.CanaryWeight, $"{app.CanaryWeight}%"),
            Marked(AppKeys.IdleReplicas, idleReplicas),
            Release(live), Release(idle), upstreamCell,
        ];
    }

    /// <summary>The rollback target: version, slot and whether it is ready (held with replicas); "none" when there is none.</summary>
    private static string RollbackTo(string stack, string name, AppConfig app, Delivery.Core.Release.History.ReleaseLedger? ledger)
    {
        if (ledger is null)
            return "? (no history)";
        var target = Delivery.Core.Release.History.RollbackTarget.Of(stack, name, app, ledger);
        if (target is null || target.Version.Length == 0)
            return "none";
        if (target.Slot == Slot.Rolling)
            return $"{Versions.Abbreviated(target.Version)} (rolled out again)";
        return $"{Versions.Abbreviated(target.Version)} ({Slots.Name(target.Slot)}, {(target.Ready ? "ready" : Slots.Version(app, target.Slot) == target.Version ? "0 replicas" : "gone")})";
    }

    private static string Or(string version) => version.Length == 0 ? "-" : Versions.Abbreviated(version);
}
