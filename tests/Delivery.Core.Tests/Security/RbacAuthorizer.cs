using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// Evaluates RBAC as the API server's authorizer does, over Roles, ClusterRoles and their bindings:
/// a ServiceAccount is the user <c>system:serviceaccount:NS:NAME</c> in the groups
/// <c>system:serviceaccounts</c>, <c>system:serviceaccounts:NS</c> and <c>system:authenticated</c>;
/// a RoleBinding grants its Role or ClusterRole in the binding's namespace only, a
/// ClusterRoleBinding grants its ClusterRole everywhere. A rule matches on apiGroups, resources
/// (<c>pods/exec</c> for subresources; <c>*</c> is every resource and subresource, <c>*/exec</c> one subresource of all), verbs and, if given,
/// resourceNames. Aggregated ClusterRoles are not expanded: none of ours aggregates.
/// </summary>
public sealed class RbacAuthorizer(IEnumerable<KubernetesObject> objects)
{
    private readonly List<KubernetesObject> _rbac = [.. objects.Where(o => o.Body["apiVersion"] as string == "rbac.authorization.k8s.io/v1")];

    public sealed record ServiceAccount(string Namespace, string Name)
    {
        public override string ToString() => $"{Namespace}/{Name}";
    }

    /// <summary>Whether <paramref name="account"/> may <paramref name="verb"/> <paramref name="resource"/> in <paramref name="namespace"/> (empty: cluster-scoped or all namespaces).</summary>
    public bool Can(ServiceAccount account, string verb, string apiGroup, string resource, string @namespace, string? resourceName = null)
    {
        foreach (var binding in _rbac.Where(o => o.Kind is "RoleBinding" or "ClusterRoleBinding" && Binds(o, account)))
        {
            if (binding.Kind == "RoleBinding" && binding.Namespace != @namespace)
                continue;
            var roleRef = (OrderedDictionary<string, object?>)binding.Body["roleRef"]!;
            var role = (string)roleRef["kind"]! == "ClusterRole"
                ? _rbac.SingleOrDefault(o => o.Kind == "ClusterRole" && o.Name == (string)roleRef["name"]!)
                : _rbac.SingleOrDefault(o => o.Kind == "Role" && o.Namespace == binding.Namespace && o.Name == (string)roleRef["name"]!);
            if (role is not null && Rules(role).Any(rule => RuleAllows(rule, verb, apiGroup, resource, resourceName)))
                return true;
        }
        return false;
    }

    private static bool Binds(KubernetesObject binding, ServiceAccount account) =>
        (binding.Body.GetValueOrDefault("subjects") as List<object?> ?? []).Cast<OrderedDictionary<string, object?>>().Any(subject =>
            (string)subject["kind"]! switch
            {
                "ServiceAccount" => (string)subject["name"]! == account.Name && (subject.GetValueOrDefault("namespace") as string ?? binding.Namespace) == account.Namespace,
                "Group" => (string)subject["name"]! is "system:serviceaccounts" or "system:authenticated" || (string)subject["name"]! == $"system:serviceaccounts:{account.Namespace}",
                "User" => (string)subject["name"]! == $"system:serviceaccount:{account.Namespace}:{account.Name}",
                _ => false,
            });

    private static IEnumerable<OrderedDictionary<string, object?>> Rules(KubernetesObject role) =>
        (role.Body.GetValueOrDefault("rules") as List<object?> ?? []).Cast<OrderedDictionary<string, object?>>();

    private static bool RuleAllows(OrderedDictionary<string, object?> rule, string verb, string apiGroup, string resource, string? resourceName)
    {
        static IReadOnlyList<string> Strings(object? value) => [.. (value as List<object?> ?? []).Cast<string>()];
        var groups = Strings(rule.GetValueOrDefault("apiGroups"));
        var resources = Strings(rule.GetValueOrDefault("resources"));
        var verbs = Strings(rule.GetValueOrDefault("verbs"));
        var names = Strings(rule.GetValueOrDefault("resourceNames"));
        var sub = resource.Contains('/', StringComparison.Ordinal) ? resource[resource.IndexOf('/', StringComparison.Ordinal)..] : null;
        return (groups.Contains("*") || groups.Contains(apiGroup))
               && (resources.Contains("*") || resources.Contains(resource) || (sub is not null && resources.Contains("*" + sub)))
               && (verbs.Contains("*") || verbs.Contains(verb))
               && (names.Count == 0 || (resourceName is not null && names.Contains(resourceName)));
    }
}
