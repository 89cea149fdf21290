using Delivery.Core.Apps;
using Delivery.Core.Monitoring;
using Delivery.Core.Validation;

namespace Delivery.Cli.Commands;

/// <summary>
/// deliver staged: the slots this stack file gives a new version against its deployed state, one
/// tab-separated line each (app, slot, idle|live, version, the slot Service's health URL, bake
/// seconds), for the release script to smoke-test, verify and switch.
/// </summary>
internal static class StagedCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string against)
    {
        var change = GateCommand.Change(workspace, stack, against, out var config);
        foreach (var staged in change.Staged)
        {
            var settings = config.Apps[staged.App];
            var role = Slots.Parse(settings.Live) == staged.Slot ? VerifyCommand.Live : VerifyCommand.Idle;
            var bake = VerifySettings.For(config, staged.App).BakeTime;
            terminal.Line(string.Join('\t', staged.App, Slots.Name(staged.Slot), role, staged.Version,
                AppEndpoints.SlotHealthUrl(staged.App, staged.Slot, settings), ((int)bake.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return ExitCodes.Ok;
    }
}
