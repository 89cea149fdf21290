using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Cluster;

/// <summary>
/// Answers "can group G do verb V on resource R in namespace N" over rendered RBAC objects, as the
/// API server's RBAC authorizer would: a ClusterRoleBinding grants its role everywhere, a RoleBinding
/// in its namespace; rights are the union. Kubernetes' built-in user-facing roles are not rendered
/// (the cluster has them), so their rules for the resources that matter here are written out from
/// the Kubernetes RBAC reference ("User-facing roles"): view reads everything but Secrets and RBAC
/// and cannot exec; edit also writes workloads and Secrets and may exec; cluster-admin may do anything.
/// </summary>
internal static class GroupAccessEvaluator
{
    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "update", "patch", "delete"];
    private static readonly string[] Workloads = ["pods", "pods/log", "deployments", "services", "configmaps", "events", "horizontalpodautoscalers", "networkpolicies"];

    private static readonly Dictionary<string, Func<string, string, bool>> BuiltIn = new(StringComparer.Ordinal)
    {
        ["cluster-admin"] = (_, _) => true,
        ["view"] = (verb, resource) => Workloads.Contains(resource) && Read.Contains(verb),
        ["edit"] = (verb, resource) => resource switch
        {
            "pods/exec" => verb == "create",
            "pods/log" => Read.Contains(verb),
            _ => (Workloads.Contains(resource) || resource == "secrets") && (Read.Contains(verb) || Write.Contains(verb)),
        },
    };

    public static bool Can(IEnumerable<KubernetesObject> objects, string group, string verb, string resource, string @namespace)
    {
        var all = objects.ToList();
        var clusterRoles = all.Where(o => o.Kind == "ClusterRole").ToDictionary(o => o.Name, StringComparer.Ordinal);
        return all
            .Where(o => o.Kind == "ClusterRoleBinding" || o.Kind == "RoleBinding" && o.Namespace == @namespace)
            .Where(binding => Subjects(binding).Contains(group))
            .Select(binding => (string)((OrderedDictionary<string, object?>)binding.Body["roleRef"]!)["name"]!)
            .Any(role => clusterRoles.TryGetValue(role, out var rendered) ? Allows(rendered, verb, resource) : BuiltIn.TryGetValue(role, out var builtIn) && builtIn(verb, resource));
    }

    private static IEnumerable<string> Subjects(KubernetesObject binding) =>
        ((List<object?>)binding.Body["subjects"]!).Cast<OrderedDictionary<string, object?>>()
            .Where(s => (string)s["kind"]! == "Group").Select(s => (string)s["name"]!);

    private static bool Allows(KubernetesObject role, string verb, string resource) =>
        ((List<object?>)role.Body["rules"]!).Cast<OrderedDictionary<string, object?>>().Any(rule =>
            Strings(rule["resources"]).Contains(resource) && (Strings(rule["verbs"]).Contains(verb) || Strings(rule["verbs"]).Contains("*")));

    private static List<string> Strings(object? list) => [.. ((List<object?>)list!).Cast<string>()];
}
