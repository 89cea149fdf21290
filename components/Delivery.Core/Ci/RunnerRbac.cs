using Delivery.Core.Kubernetes;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Ci;

/// <summary>
/// A ServiceAccount (in the ci namespace, or in ci-control for a manager that runs apart from its
/// jobs) bound to a Role in the ci namespace, with only the rules an executor needs to run job
/// pods there. Never a ClusterRole: runners cannot touch another namespace.
/// </summary>
public static class RunnerRbac
{
    public sealed record Rule(string ApiGroup, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs);

    public static IReadOnlyList<KubernetesObject> Render(string name, IReadOnlyList<Rule> rules) => Render(name, PlatformNamespaces.Ci, rules);

    public static IReadOnlyList<KubernetesObject> Render(string name, string serviceAccountNamespace, IReadOnlyList<Rule> rules)
    {
        var labels = StandardLabels.Shared(name, CiRunnersRendering.Component);
        return
        [
            Manifest.Object("v1", "ServiceAccount", name, serviceAccountNamespace, labels),
            Manifest.Object("rbac.authorization.k8s.io/v1", "Role", name, PlatformNamespaces.Ci, labels,
                ("rules", ListOf(rules.Select(rule => Map(
                    ("apiGroups", List(rule.ApiGroup)),
                    ("resources", ListOf(rule.Resources)),
                    ("verbs", ListOf(rule.Verbs))))))),
            Manifest.Object("rbac.authorization.k8s.io/v1", "RoleBinding", name, PlatformNamespaces.Ci, labels,
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", name))),
                ("subjects", List(Map(("kind", "ServiceAccount"), ("name", name), ("namespace", serviceAccountNamespace))))),
        ];
    }

    /// <summary>A ServiceAccount with no token and no Role: what job pods run as, so a build cannot call the API.</summary>
    public static KubernetesObject JobServiceAccount() =>
        Manifest.Object("v1", "ServiceAccount", CiRunnersRendering.JobServiceAccount, PlatformNamespaces.Ci,
            StandardLabels.Shared(CiRunnersRendering.JobServiceAccount, CiRunnersRendering.Component), ("automountServiceAccountToken", false));
}
