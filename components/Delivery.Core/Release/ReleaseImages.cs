using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Registry;

namespace Delivery.Core.Release;

/// <summary>One image a stack runs: the app, the slot and version it runs in, and its full reference.</summary>
public sealed record SlotImage(string App, Slot Slot, string Version, string Reference);

/// <summary>
/// The images a release scan must look at: with the change against the deployed state, each slot
/// given a version it did not hold (what <c>pulumi up</c> would make live or stage; nothing for a
/// rollback or a switch alone, whose versions already ran); without, every version in every slot.
/// Each full reference (<see cref="ImageReference.Of"/>: registry/repository:tag@digest) once,
/// in app order.
/// </summary>
public static class ReleaseImages
{
    public static IReadOnlyList<SlotImage> Of(DeliveryConfig config, ReleaseChange? change = null)
    {
        var slots = change is null
            ? config.Apps.SelectMany(app => Strategies.SlotsOf(app.Value)
                .Where(slot => Slots.Version(app.Value, slot).Length > 0)
                .Select(slot => new StagedSlot(app.Key, slot, Slots.Version(app.Value, slot))))
            : change.Kind == ReleaseChangeKind.Release ? change.Staged.Where(s => config.Apps.ContainsKey(s.App)) : [];
        return slots
            .Select(s => new SlotImage(s.App, s.Slot, s.Version, ImageReference.Of(config.Registry, config.Apps[s.App], ImageVersion.Parse(s.Version))))
            .OrderBy(i => i.App, StringComparer.Ordinal)
            .ThenBy(i => i.Slot)
            .DistinctBy(i => i.Reference)
            .ToList();
    }
}
