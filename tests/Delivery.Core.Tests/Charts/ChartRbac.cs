using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Charts;

/// <summary>The Roles, ClusterRoles and bindings a chart's facts record, as objects the RBAC authorizer reads.</summary>
internal static class ChartRbac
{
    private const string Api = "rbac.authorization.k8s.io/v1";

    /// <summary>The grants of these releases with their values (and their subcharts').</summary>
    public static IEnumerable<KubernetesObject> Objects(IEnumerable<HelmChartSpec> releases) =>
        releases.SelectMany(spec => PinnedCharts.Grants(spec).Select((grant, index) => (grant, name: $"{spec.ReleaseName}-{grant.ServiceAccount}-{index}")))
            .SelectMany(pair => Objects(pair.grant, pair.name));

    private static IEnumerable<KubernetesObject> Objects(Grant grant, string name)
    {
        var rules = ListOf(grant.Rules.Select(rule => Map(
            ("apiGroups", ListOf(rule.ApiGroups)),
            ("resources", rule.Resources.Count == 0 ? null : ListOf(rule.Resources)),
            ("resourceNames", rule.ResourceNames.Count == 0 ? null : ListOf(rule.ResourceNames)),
            ("nonResourceURLs", rule.NonResourceUrls.Count == 0 ? null : ListOf(rule.NonResourceUrls)),
            ("verbs", ListOf(rule.Verbs)))));
        var subjects = List(Map(("kind", "ServiceAccount"), ("name", grant.ServiceAccount), ("namespace", grant.Namespace)));
        var none = new Dictionary<string, string>();
        if (grant.Scope == "cluster")
        {
            yield return Manifest.Object(Api, "ClusterRole", name, null, none, ("rules", rules));
            yield return Manifest.Object(Api, "ClusterRoleBinding", name, null, none,
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "ClusterRole"), ("name", name))), ("subjects", subjects));
            yield break;
        }
        Assert.StartsWith("namespace:", grant.Scope);
        var ns = grant.Scope["namespace:".Length..];
        yield return Manifest.Object(Api, "Role", name, ns, none, ("rules", rules));
        yield return Manifest.Object(Api, "RoleBinding", name, ns, none,
            ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", name))), ("subjects", subjects));
    }

    /// <summary>Whether a rule lets its holder read Secrets (get, list or watch, or any verb).</summary>
    public static bool ReadsSecrets(Rule rule) =>
        rule.ApiGroups.Any(g => g is "" or "*") && rule.Resources.Any(r => r is "secrets" or "*")
        && rule.Verbs.Any(v => v is "get" or "list" or "watch" or "*");
}
