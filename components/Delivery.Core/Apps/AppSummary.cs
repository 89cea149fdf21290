using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Apps;

/// <summary>
/// What an app's component reports as outputs: the live slot, versions, release ids (idle: empty
/// without a version) and Services. A rolling app reports slot <c>rolling</c>, no idle version and
/// no slot Services (empty names).
/// </summary>
public sealed record AppSummary(string LiveSlot, string LiveVersion, string IdleVersion, string LiveReleaseId, string IdleReleaseId, string LiveService, string BlueService, string GreenService)
{
    public static AppSummary Of(ValidStack stack, string name)
    {
        var app = stack.Config.Apps[name];
        var live = stack.Apps[name].Live;
        if (live == Slot.Rolling)
            return new AppSummary(Slots.Name(Slot.Rolling), app.Version, "", ReleaseId.Of(stack, name, Slot.Rolling), "", AppObjectNames.Live(name), "", "");
        return new AppSummary(
            Slots.Name(live),
            Slots.Version(app, live),
            Slots.Version(app, Slots.Other(live)),
            ReleaseId.Of(stack, name, live),
            Slots.Version(app, Slots.Other(live)).Length == 0 ? "" : ReleaseId.Of(stack, name, Slots.Other(live)),
            AppObjectNames.Live(name),
            AppObjectNames.Slot(name, Slot.Blue),
            AppObjectNames.Slot(name, Slot.Green));
    }
}
