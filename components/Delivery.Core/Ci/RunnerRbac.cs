using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Ci;

/// <summary>
/// A ServiceAccount (in its jobs' namespace, or in ci-control for a manager that runs apart from its
/// jobs) bound to a Role in the namespace its jobs run in (ci for the default runners, ci-release
/// for the release runners), with only the rules an executor needs to run job pods there. Never a
/// ClusterRole: runners cannot touch another namespace, so the default runners' Role never reaches
/// the release runners' Secrets and pods.
/// </summary>
public static class RunnerRbac
{
    public sealed record Rule(string ApiGroup, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs);

    /// <summary>A runner that runs in its jobs' namespace (ARC's runner pods).</summary>
    public static IReadOnlyList<KubernetesObject> Render(string name, string jobNamespace, IReadOnlyList<Rule> rules) => Render(name, jobNamespace, jobNamespace, rules);

    public static IReadOnlyList<KubernetesObject> Render(string name, string serviceAccountNamespace, string jobNamespace, IReadOnlyList<Rule> rules)
    {
        var labels = StandardLabels.Shared(name, CiRunnersRenderer.Component);
        return
        [
            Manifest.Object("v1", "ServiceAccount", name, serviceAccountNamespace, labels),
            Manifest.Object("rbac.authorization.k8s.io/v1", "Role", name, jobNamespace, labels,
                ("rules", ListOf(rules.Select(rule => Map(
                    ("apiGroups", List(rule.ApiGroup)),
                    ("resources", ListOf(rule.Resources)),
                    ("verbs", ListOf(rule.Verbs))))))),
            Manifest.Object("rbac.authorization.k8s.io/v1", "RoleBinding", name, jobNamespace, labels,
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", name))),
                ("subjects", List(Map(("kind", "ServiceAccount"), ("name", name), ("namespace", serviceAccountNamespace))))),
        ];
    }

    /// <summary>A ServiceAccount with no token and no Role: what job pods run as, so a build cannot call the API.</summary>
    public static KubernetesObject JobServiceAccount(string jobNamespace) =>
        Manifest.Object("v1", "ServiceAccount", CiRunnersRenderer.JobServiceAccount, jobNamespace,
            StandardLabels.Shared(CiRunnersRenderer.JobServiceAccount, CiRunnersRenderer.Component), ("automountServiceAccountToken", false));
}
