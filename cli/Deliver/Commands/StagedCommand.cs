using System.Text.Json;
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
/// for a rollback: it is applied, never re-judged. <c>--json</c> prints the same, with the kind of
/// change (docs/json.md).
/// </summary>
internal static class StagedCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string against, bool json = false)
    {
        if (GateCommand.RefusesOverrides(terminal, stack))
            return ExitCodes.Problems;
        var change = GateCommand.Change(workspace, stack, against, out var current);
        var config = current.Config;
        var slots = change.Kind == ReleaseChangeKind.Release ? ToVerify(change, config) : [];
        if (json)
        {
            terminal.Line(JsonSerializer.Serialize(new StagedJson(stack, against, GateCommand.KindName(change.Kind), slots), ReportJsonContext.Default.StagedJson));
            return ExitCodes.Ok;
        }
        foreach (var slot in slots)
        {
            terminal.Line(string.Join('\t', slot.App, slot.Slot, slot.Role, slot.Version, slot.HealthUrl,
                ((int)slot.Bake.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return ExitCodes.Ok;
    }

    private static List<StagedSlotJson> ToVerify(ReleaseChange change, DeliveryConfig config)
    {
        var switchedOnly = change.Switched
            .Where(app => config.Apps.ContainsKey(app) && change.Staged.All(s => s.App != app))
            .SelectMany(app => config.Apps[app].LiveSlot is { } live ? [new StagedSlot(app, live, Slots.Version(config.Apps[app], live))] : Array.Empty<StagedSlot>());
        return
        [
            .. change.Staged.Concat(switchedOnly).Select(staged =>
            {
                var settings = config.Apps[staged.App];
                // A rolling app's new version is live as it rolls out: verified as live, never switched.
                var role = settings.LiveSlot == staged.Slot ? VerifyCommand.Live : VerifyCommand.Idle;
                return new StagedSlotJson(staged.App, Slots.Name(staged.Slot), role, staged.Version,
                    AppEndpoints.SlotHealthUrl(staged.App, staged.Slot, settings), VerifySettings.For(config, staged.App).BakeTime);
            }),
        ];
    }
}
