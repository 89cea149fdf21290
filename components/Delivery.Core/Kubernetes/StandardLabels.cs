using Delivery.Core.Model;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// The labels every object carries. The <c>app.kubernetes.io/*</c> set is stable across releases;
/// version, slot and release id go only on a slot's workload and pods, so that every log line,
/// metric and trace names its release while the objects both slots share never change on a release
/// (a slot's own labels: <c>Apps/SlotLabels</c>).
/// </summary>
public static class StandardLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string Version = "app.kubernetes.io/version";
    public const string SlotLabel = "delivery-platform/slot";
    public const string Release = "delivery-platform/release";

    public const string ManagedByValue = "pulumi";

    /// <summary>Labels for an object of an app that does not belong to one slot.</summary>
    public static SortedDictionary<string, string> Shared(string app, string component) => new(StringComparer.Ordinal)
    {
        [Name] = app,
        [Instance] = app,
        [Component] = component,
        [PartOf] = DeliveryProject.Name,
        [ManagedBy] = ManagedByValue,
    };

    /// <summary>The immutable selector of a slot's pods: never version or release, which change.</summary>
    public static SortedDictionary<string, string> SlotSelector(string app, Slot slot) => new(StringComparer.Ordinal)
    {
        [Name] = app,
        [SlotLabel] = Slots.Name(slot),
    };
}
