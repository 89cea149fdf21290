using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Label selectors for one app's series, as its ServiceMonitor labels them (see
/// <c>Apps/AppServiceMonitor</c>): the job is the app's name, the namespace is apps, and every
/// series carries the pod's slot as <c>delivery_platform_slot</c>. The alert rules and
/// <c>deliver verify</c> both select through here, so they always read the same series.
/// </summary>
/// <param name="Rolling">A rolling app: one Deployment <c>&lt;app&gt;</c>, whose pods are named without a slot.</param>
public sealed record AppSeries(string App, bool Rolling = false)
{
    /// <summary><c>delivery-platform/slot</c> as Prometheus names it after <c>podTargetLabels</c>.</summary>
    public const string SlotLabel = "delivery_platform_slot";

    /// <summary>The app's own scraped series, both slots: its job is the app name, in the apps namespace.</summary>
    public string Requests => $"job=\"{App}\",namespace=\"{PlatformNamespaces.Apps}\"";

    /// <summary><c>delivery-platform/release</c> as Prometheus names it after <c>podTargetLabels</c>.</summary>
    public const string ReleaseLabel = "delivery_platform_release";

    /// <summary>One slot's series only.</summary>
    public string InSlot(Slot slot) => $"{Requests},{SlotLabel}=\"{Slots.Name(slot)}\"";

    /// <summary>One release's series in a slot: not the pods of the release it replaced, which stay in a window for a while.</summary>
    public string OfRelease(Slot slot, string releaseId) => $"{InSlot(slot)},{ReleaseLabel}=\"{releaseId}\"";

    /// <summary>
    /// kube-state-metrics series of the app's pods: Deployments are <c>&lt;app&gt;-&lt;slot&gt;</c>, so pods are
    /// <c>&lt;app&gt;-&lt;slot&gt;-&lt;replicaset hash&gt;-&lt;pod hash&gt;</c>; a rolling app's are <c>&lt;app&gt;-&lt;replicaset hash&gt;-&lt;pod hash&gt;</c>
    /// (exactly two parts, so never another app's: app names are DNS labels and never another's <c>&lt;app&gt;-blue</c>).
    /// </summary>
    public string Pods => Rolling
        ? $"namespace=\"{PlatformNamespaces.Apps}\",pod=~\"{App}-[a-z0-9]+-[a-z0-9]+\""
        : $"namespace=\"{PlatformNamespaces.Apps}\",pod=~\"{App}-({Slots.Name(Slot.Blue)}|{Slots.Name(Slot.Green)})-[a-z0-9]+-[a-z0-9]+\"";
}
