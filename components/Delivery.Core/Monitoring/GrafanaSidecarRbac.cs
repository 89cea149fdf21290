using Delivery.Core.Kubernetes;

namespace Delivery.Core.Monitoring;

/// <summary>
/// What Grafana's dashboard and datasource sidecars may read: ConfigMaps in the monitoring
/// namespace, nothing else. The grafana chart would grant get/list/watch on ConfigMaps and Secrets
/// (cluster-wide with <c>searchNamespace: ALL</c>, namespaced with <c>rbac.namespaced</c>); with
/// <c>rbac.useExistingRole</c> it creates no Role or ClusterRole and binds its ServiceAccount to
/// this one instead (docs/charts/grafana-*.yaml), and the sidecars watch ConfigMaps only
/// (<c>sidecar.*.resource: configmap</c>). Every dashboard is a ConfigMap in monitoring
/// (<see cref="GrafanaDashboards"/>), as are kube-prometheus-stack's.
/// </summary>
public static class GrafanaSidecarRbac
{
    public const string RoleName = "grafana-sidecar";

    public static KubernetesObject Role() => ConfigMapReaderRole.Role(RoleName);
}
