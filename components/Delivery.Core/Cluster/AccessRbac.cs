using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// The people's side of RBAC: the access groups bound to Kubernetes' own user-facing roles, so what
/// each role allows is what every Kubernetes user already knows (and upgrades with the cluster):
/// admins get <c>cluster-admin</c>; viewers <c>view</c> in every platform namespace (no Secrets, no
/// exec, logs included); developers <c>edit</c> in apps where they may deploy (which includes
/// Secrets and exec there) and <c>view</c> everywhere else. Only reading namespaces is hand-listed:
/// no built-in role grants just that.
/// </summary>
public static class AccessRbac
{
    public const string AdminRole = "cluster-admin";
    public const string DeployRole = "edit";
    public const string ReadRole = "view";
    public const string NamespaceReader = "delivery-platform-namespace-reader";

    private const string Component = "access";
    private const string RbacApi = "rbac.authorization.k8s.io/v1";

    public static IReadOnlyList<KubernetesObject> Render(AccessConfig access, IReadOnlyList<string> namespaces)
    {
        var objects = new List<KubernetesObject>();
        if (access.Admins.Count > 0)
            objects.Add(ClusterBinding("delivery-platform-admins", AdminRole, access.Admins));
        foreach (var @namespace in namespaces)
        {
            if (access.Developers.Count > 0)
            {
                var role = access.DevelopersDeploy && @namespace == PlatformNamespaces.Apps ? DeployRole : ReadRole;
                objects.Add(Binding("delivery-platform-developers", @namespace, role, access.Developers));
            }
            if (access.Viewers.Count > 0)
                objects.Add(Binding("delivery-platform-viewers", @namespace, ReadRole, access.Viewers));
        }
        var readers = access.Developers.Concat(access.Viewers).ToList();
        if (readers.Count > 0)
        {
            objects.Add(Manifest.Object(RbacApi, "ClusterRole", NamespaceReader, null, Labels(NamespaceReader),
                ("rules", List(Map(("apiGroups", List("")), ("resources", List("namespaces")), ("verbs", List("get", "list", "watch")))))));
            objects.Add(ClusterBinding(NamespaceReader, NamespaceReader, readers));
        }
        return objects;
    }

    private static KubernetesObject ClusterBinding(string name, string clusterRole, IEnumerable<string> groups) =>
        Manifest.Object(RbacApi, "ClusterRoleBinding", name, null, Labels(name), ("roleRef", RoleRef(clusterRole)), ("subjects", Subjects(groups)));

    private static KubernetesObject Binding(string name, string @namespace, string clusterRole, IEnumerable<string> groups) =>
        Manifest.Object(RbacApi, "RoleBinding", name, @namespace, Labels(name), ("roleRef", RoleRef(clusterRole)), ("subjects", Subjects(groups)));

    private static OrderedDictionary<string, object?> RoleRef(string clusterRole) =>
        Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "ClusterRole"), ("name", clusterRole));

    private static List<object?> Subjects(IEnumerable<string> groups) =>
        ListOf(groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(group => Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Group"), ("name", group))));

    private static SortedDictionary<string, string> Labels(string name) => StandardLabels.Shared(name, Component);
}
