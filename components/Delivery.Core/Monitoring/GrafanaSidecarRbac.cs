using Delivery.Core.Kubernetes;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// What Grafana's dashboard and datasource sidecars may read: ConfigMaps in the monitoring
/// namespace, nothing else. The grafana chart would grant get/list/watch on ConfigMaps and Secrets
/// (cluster-wide with <c>searchNamespace: ALL</c>, namespaced with <c>rbac.namespaced</c>); with
/// <c>rbac.useExistingRole</c> it creates no Role or ClusterRole and binds its ServiceAccount to
/// this one instead (templates/role.yaml, clusterrole.yaml, rolebinding.yaml), and the sidecars
/// watch ConfigMaps only (<c>sidecar.*.resource: configmap</c>). Every dashboard is a ConfigMap in
/// monitoring (<see cref="GrafanaDashboards"/>), as are kube-prometheus-stack's.
/// </summary>
public static class GrafanaSidecarRbac
{
    public const string RoleName = "grafana-sidecar";

    public static KubernetesObject Role() =>
        Manifest.Object("rbac.authorization.k8s.io/v1", "Role", RoleName, PlatformNamespaces.Monitoring, StandardLabels.Shared(RoleName, MonitoringRendering.Component),
            ("rules", List(Map(
                ("apiGroups", List("")),
                ("resources", List("configmaps")),
                ("verbs", List("get", "list", "watch"))))));
}
