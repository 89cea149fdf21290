using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;

namespace Delivery.Core.Cluster;

/// <summary>The platform's namespaces, with their Pod Security levels and the Gateway's route-attachment label.</summary>
public static class PlatformNamespaceObjects
{
    /// <summary>Every platform namespace, in the order they are rendered.</summary>
    public static readonly IReadOnlyList<string> All =
        [PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Registry, PlatformNamespaces.Ci, PlatformNamespaces.CiRelease,
         PlatformNamespaces.CiControl, PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents];

    /// <summary>
    /// The namespaces this config runs something in, in render order: the registry's only for an
    /// in-cluster registry (the local one runs in Docker, an external one elsewhere), ci only with build
    /// runners, ci-release only with release runners, ci-control with the controllers that run there
    /// (ARC's default one, both GitLab managers), monitoring's two only with monitoring on. An unused
    /// namespace would be an empty place with quotas, policies and bindings nobody needs.
    /// </summary>
    public static IReadOnlyList<string> InUse(DeliveryConfig config) =>
    [
        .. All.Where(@namespace => @namespace switch
        {
            PlatformNamespaces.Registry => config.Registry.Kind == RegistryMode.InCluster,
            PlatformNamespaces.Ci => Ci.CiRunnersRenderer.HasBuildRunners(config),
            PlatformNamespaces.CiControl => config.Ci.Kind == CiMode.GitLab || Ci.CiRunnersRenderer.HasBuildRunners(config),
            PlatformNamespaces.CiRelease => Ci.CiRunnersRenderer.HasReleaseRunners(config),
            PlatformNamespaces.Monitoring or PlatformNamespaces.MonitoringAgents => config.Monitoring.Enabled,
            _ => true,
        }),
    ];

    /// <summary>The namespaces whose HTTPRoutes the platform Gateway accepts: apps, the registry and Grafana.</summary>
    public static readonly IReadOnlyList<string> Routed = [PlatformNamespaces.Apps, PlatformNamespaces.Registry, PlatformNamespaces.Monitoring];

    public static KubernetesObject Render(string @namespace)
    {
        var labels = StandardLabels.Shared(@namespace, ClusterBaselineRenderer.Component);
        foreach (var (key, value) in PodSecurity.For(@namespace).Labels())
            labels[key] = value;
        if (Routed.Contains(@namespace))
            labels[ClusterGateway.RoutesLabel] = ClusterGateway.RoutesLabelValue;
        return Manifest.Object("v1", "Namespace", @namespace, null, labels);
    }
}
