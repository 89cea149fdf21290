using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// A Role that reads ConfigMaps in the monitoring namespace and nothing else: what the charts'
/// k8s-sidecar containers need to load dashboards, datasources and log-alert rules, in place of
/// the charts' own grants on ConfigMaps and Secrets (cluster-wide by default).
/// </summary>
public static class ConfigMapReaderRole
{
    public static KubernetesObject Role(string name) =>
        Manifest.Object("rbac.authorization.k8s.io/v1", "Role", name, PlatformNamespaces.Monitoring, StandardLabels.Shared(name, MonitoringRenderer.Component),
            ("rules", List(Map(
                ("apiGroups", List("")),
                ("resources", List("configmaps")),
                ("verbs", List("get", "list", "watch"))))));

    /// <summary>Binds a chart's ServiceAccount in monitoring to the Role of the same name.</summary>
    public static KubernetesObject Binding(string name, string serviceAccount) =>
        Manifest.Object("rbac.authorization.k8s.io/v1", "RoleBinding", name, PlatformNamespaces.Monitoring, StandardLabels.Shared(name, MonitoringRenderer.Component),
            ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", name))),
            ("subjects", List(Map(("kind", "ServiceAccount"), ("name", serviceAccount), ("namespace", PlatformNamespaces.Monitoring)))));
}
