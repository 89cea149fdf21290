using Delivery.Core.Apps;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>
/// deliver staged: what a release must verify against its deployed state, one tab-separated line
/// per slot (app, slot, idle|live, version, the slot Service's health URL, bake seconds): each slot
/// given a new version, and the live slot of each app switched without one. A staged idle slot is
/// verified and switched by the release script; a live one is verified for the bake time. Nothing
/// for a rollback: it is applied, never re-judged.
/// </summary>
internal static class StagedCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string against)
    {
        if (GateCommand.RefusesOverrides(terminal, stack))
            return ExitCodes.Problems;
        var change = GateCommand.Change(workspace, stack, against, out var config);
        if (change.Kind != ReleaseChangeKind.Release)
            return ExitCodes.Ok;
        var switchedOnly = change.Switched
            .Where(app => config.Apps.ContainsKey(app) && change.Staged.All(s => s.App != app))
            .Select(app => LiveSlot(app, config.Apps[app]));
        foreach (var staged in change.Staged.Concat(switchedOnly))
        {
            var settings = config.Apps[staged.App];
            // A rolling app's new version is live as it rolls out: verified as live, never switched.
            var role = settings.LiveSlot == staged.Slot ? VerifyCommand.Live : VerifyCommand.Idle;
            var bake = VerifySettings.For(config, staged.App).BakeTime;
            terminal.Line(string.Join('\t', staged.App, Slots.Name(staged.Slot), role, staged.Version,
                AppEndpoints.SlotHealthUrl(staged.App, staged.Slot, settings), ((int)bake.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return ExitCodes.Ok;
    }

    private static StagedSlot LiveSlot(string app, AppConfig settings)
    {
        var live = settings.LiveSlot!.Value;
        return new StagedSlot(app, live, Slots.Version(settings, live));
    }
}
