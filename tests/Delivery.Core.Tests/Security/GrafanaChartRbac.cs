using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// The Role, ClusterRole and bindings the grafana chart (a kube-prometheus-stack subchart) renders
/// from the values we give it, following its templates (charts/grafana/templates/role.yaml,
/// clusterrole.yaml, rolebinding.yaml, clusterrolebinding.yaml): the ClusterRole exists unless
/// <c>rbac.namespaced</c> or <c>rbac.useExistingRole</c>, and with any sidecar on it grants
/// get/list/watch on ConfigMaps and Secrets everywhere; the Role exists unless
/// <c>rbac.useExistingRole</c>, with the same rules when namespaced; the RoleBinding binds the
/// Grafana ServiceAccount to <c>useExistingRole</c> or to that Role. kube-prometheus-stack turns the
/// dashboard and datasource sidecars on by default.
/// </summary>
internal static class GrafanaChartRbac
{
    public const string Release = "kube-prometheus-stack";
    public const string FullName = Release + "-grafana";

    public static IReadOnlyList<KubernetesObject> Render(HelmChartSpec kubePrometheusStack)
    {
        var grafana = (OrderedDictionary<string, object?>)kubePrometheusStack.Values["grafana"]!;
        var rbac = grafana.GetValueOrDefault("rbac") as OrderedDictionary<string, object?> ?? [];
        var create = rbac.GetValueOrDefault("create") as bool? ?? true;
        var namespaced = rbac.GetValueOrDefault("namespaced") as bool? ?? false;
        var existingRole = rbac.GetValueOrDefault("useExistingRole") as string;
        var ns = kubePrometheusStack.Namespace;
        var sidecarRules = List(Map(("apiGroups", List("")), ("resources", List("configmaps", "secrets")), ("verbs", List("get", "watch", "list"))));
        var subjects = List(Map(("kind", "ServiceAccount"), ("name", FullName), ("namespace", ns)));
        var objects = new List<KubernetesObject>();
        if (!create)
            return objects;
        if (!namespaced && existingRole is null)
        {
            objects.Add(Manifest.Object("rbac.authorization.k8s.io/v1", "ClusterRole", FullName + "-clusterrole", null, new Dictionary<string, string>(), ("rules", sidecarRules)));
            objects.Add(Manifest.Object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", FullName + "-clusterrolebinding", null, new Dictionary<string, string>(),
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "ClusterRole"), ("name", FullName + "-clusterrole"))), ("subjects", subjects)));
        }
        if (existingRole is null)
            objects.Add(Manifest.Object("rbac.authorization.k8s.io/v1", "Role", FullName, ns, new Dictionary<string, string>(), ("rules", namespaced ? sidecarRules : List())));
        objects.Add(Manifest.Object("rbac.authorization.k8s.io/v1", "RoleBinding", FullName, ns, new Dictionary<string, string>(),
            ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", existingRole ?? FullName))), ("subjects", subjects)));
        return objects;
    }
}
