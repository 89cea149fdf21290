using Delivery.Core.Kubernetes;
using Delivery.Core.Release;

namespace Delivery.Core.Cluster;

/// <summary>The platform's namespaces, with their Pod Security levels and the Gateway's route-attachment label.</summary>
public static class PlatformNamespaceObjects
{
    /// <summary>Every platform namespace, in the order they are rendered.</summary>
    public static readonly IReadOnlyList<string> All =
        [PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Registry, PlatformNamespaces.Ci, PlatformNamespaces.CiControl,
         PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents];

    /// <summary>The namespaces whose HTTPRoutes the platform Gateway accepts: apps, the registry and Grafana.</summary>
    public static readonly IReadOnlyList<string> Routed = [PlatformNamespaces.Apps, PlatformNamespaces.Registry, PlatformNamespaces.Monitoring];

    public static KubernetesObject Render(string @namespace)
    {
        var labels = StandardLabels.Shared(@namespace, ClusterBaseline.Component);
        foreach (var (key, value) in PodSecurity.For(@namespace).Labels())
            labels[key] = value;
        if (Routed.Contains(@namespace))
            labels[ClusterGateway.RoutesLabel] = ClusterGateway.RoutesLabelValue;
        return Manifest.Object("v1", "Namespace", @namespace, null, labels);
    }
}
