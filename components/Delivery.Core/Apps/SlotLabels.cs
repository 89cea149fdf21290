using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Apps;

/// <summary>
/// The labels of a slot's Deployment and its pods: the standard ones plus slot, version and release
/// id. They sit with the apps because the release id is a hash of the app's own pod template.
/// </summary>
public static class SlotLabels
{
    /// <summary>Labels for a slot's Deployment and its pods: the shared ones plus slot, version and release id.</summary>
    public static SortedDictionary<string, string> For(ValidStack stack, string app, Slot slot, string component) =>
        For(app, slot, stack.Apps[app].VersionIn(slot), component, ReleaseId.Of(stack, app, slot));

    /// <summary>The same for a given version and release id (the release id itself is computed over pods labelled with a placeholder).</summary>
    public static SortedDictionary<string, string> For(string app, Slot slot, ImageVersion version, string component, string releaseId)
    {
        var labels = StandardLabels.Shared(app, component);
        labels[StandardLabels.SlotLabel] = Slots.Name(slot);
        labels[StandardLabels.Version] = version.Label;
        labels[StandardLabels.Release] = releaseId;
        return labels;
    }
}
