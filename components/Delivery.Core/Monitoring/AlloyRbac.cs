using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// What the log collector may read: pods, to find the ones on its node (<see cref="AlloyLogPipeline"/>
/// tails their files from the host, not through the API). The alloy chart's fixed ClusterRole would
/// also read every Secret and ConfigMap, <c>nodes/proxy</c> and more, and only <c>rbac.create</c>
/// turns it off whole (docs/charts/alloy-0.12.5.yaml), so the platform binds this one instead.
/// </summary>
public static class AlloyRbac
{
    public const string Name = "alloy-pod-logs";

    /// <summary>The chart's ServiceAccount: its fullname, the release name <c>alloy</c>.</summary>
    public const string ServiceAccount = "alloy";

    public static IReadOnlyList<KubernetesObject> Render()
    {
        var labels = StandardLabels.Shared(Name, MonitoringRenderer.Component);
        return
        [
            Manifest.Object("rbac.authorization.k8s.io/v1", "ClusterRole", Name, null, labels,
                ("rules", List(Map(("apiGroups", List("")), ("resources", List("pods")), ("verbs", List("get", "list", "watch")))))),
            Manifest.Object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", Name, null, labels,
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "ClusterRole"), ("name", Name))),
                ("subjects", List(Map(("kind", "ServiceAccount"), ("name", ServiceAccount), ("namespace", PlatformNamespaces.MonitoringAgents))))),
        ];
    }
}
