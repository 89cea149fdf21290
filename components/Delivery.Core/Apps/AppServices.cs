using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Apps;

/// <summary>
/// The live Service <c>&lt;app&gt;</c>, whose selector picks the live slot (switching edits only
/// it), and one Service per slot that always selects that slot, so the idle version can be tested
/// before it gets traffic. Slot Services exist even without a version, so staging one adds only a Deployment.
/// A rolling app has only the Service <c>&lt;app&gt;</c>, on its one Deployment's pods (slot <c>rolling</c>).
/// </summary>
public static class AppServices
{
    public const string LiveComponent = "live";
    public const string SlotComponent = "slot";

    public static KubernetesObject Live(string name, AppConfig app, Slot live)
    {
        var metadata = Metadata(AppObjectNames.Live(name), PlatformNamespaces.Apps, StandardLabels.Shared(name, LiveComponent),
            new Dictionary<string, string> { [DependsOn.Annotation] = DependsOn.Deployment(PlatformNamespaces.Apps, AppObjectNames.Slot(name, live)) });
        return Manifest.Object("v1", "Service", metadata, ("spec", Spec(name, app, live)));
    }

    public static KubernetesObject ForSlot(string name, AppConfig app, Slot slot) =>
        Manifest.Object("v1", "Service", AppObjectNames.Slot(name, slot), PlatformNamespaces.Apps, SlotLabels(name, slot),
            ("spec", Spec(name, app, slot)));

    /// <summary>Slot Services carry their slot (not version) so the ServiceMonitor can select them apart from the live one.</summary>
    private static SortedDictionary<string, string> SlotLabels(string name, Slot slot)
    {
        var labels = StandardLabels.Shared(name, SlotComponent);
        labels[StandardLabels.SlotLabel] = Slots.Name(slot);
        return labels;
    }

    /// <summary>Port 80 for traffic (what routes name); a metrics port of its own, for the ServiceMonitor only.</summary>
    private static OrderedDictionary<string, object?> Spec(string name, AppConfig app, Slot slot) => Map(
        ("type", "ClusterIP"),
        ("selector", Strings(StandardLabels.SlotSelector(name, slot))),
        ("ports", ListOf(new[]
            {
                Map(("name", AppObjectNames.HttpPort), ("port", 80), ("targetPort", AppObjectNames.HttpPort), ("protocol", "TCP")),
                app.MetricsPort == 0 ? null : Map(("name", AppObjectNames.MetricsPort), ("port", app.MetricsPort), ("targetPort", AppObjectNames.MetricsPort), ("protocol", "TCP")),
            }.OfType<OrderedDictionary<string, object?>>())));
}
