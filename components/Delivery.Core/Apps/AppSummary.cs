using Delivery.Core.Model;

namespace Delivery.Core.Apps;

/// <summary>
/// What an app's component reports as outputs: the live slot, versions, release ids (idle: empty
/// without a version) and Services. A rolling app reports slot <c>rolling</c>, no idle version and
/// no slot Services (empty names).
/// </summary>
public sealed record AppSummary(string LiveSlot, string LiveVersion, string IdleVersion, string LiveReleaseId, string IdleReleaseId, string LiveService, string BlueService, string GreenService)
{
    public static AppSummary Of(DeliveryConfig config, string name)
    {
        var app = config.Apps[name];
        if (Strategies.IsRolling(app))
            return new AppSummary(Slots.Name(Slot.Rolling), app.Version, "", ReleaseId.Of(config, name, app.Version), "", AppObjectNames.Live(name), "", "");
        var live = app.LiveSlot ?? throw new InvalidOperationException($"apps.{name}.live is not validated: '{app.Live}'.");
        return new AppSummary(
            Slots.Name(live),
            Slots.Version(app, live),
            Slots.Version(app, Slots.Other(live)),
            ReleaseId.Of(config, name, live),
            Slots.Version(app, Slots.Other(live)).Length == 0 ? "" : ReleaseId.Of(config, name, Slots.Other(live)),
            AppObjectNames.Live(name),
            AppObjectNames.Slot(name, Slot.Blue),
            AppObjectNames.Slot(name, Slot.Green));
    }
}
