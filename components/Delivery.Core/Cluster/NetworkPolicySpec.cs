using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>One NetworkPolicy of the baseline: the pods it selects and its ingress and egress rules.</summary>
internal sealed record NetworkPolicySpec(
    string Name,
    string Namespace,
    OrderedDictionary<string, object?> PodSelector,
    IReadOnlyList<OrderedDictionary<string, object?>> Ingress,
    IReadOnlyList<OrderedDictionary<string, object?>> Egress,
    bool DeniesAll = false)
{
    /// <summary>Selects every pod and allows nothing either way: the rest of the baseline adds the allows.</summary>
    public static NetworkPolicySpec DefaultDeny(string @namespace) =>
        new("default-deny", @namespace, [], [], [], DeniesAll: true);

    public static NetworkPolicySpec In(string name, string @namespace, params OrderedDictionary<string, object?>[] ingress) =>
        new(name, @namespace, [], ingress, []);

    public static NetworkPolicySpec Out(string name, string @namespace, params OrderedDictionary<string, object?>[] egress) =>
        new(name, @namespace, [], [], egress);

    /// <summary>Only the pods with all these labels.</summary>
    public NetworkPolicySpec ForPods(IReadOnlyDictionary<string, string> labels) =>
        this with { PodSelector = Map(("matchLabels", Strings(labels))) };

    /// <summary>Only the pods whose label <paramref name="key"/> is (In) or is not (NotIn) one of <paramref name="values"/>.</summary>
    public NetworkPolicySpec ForPodsWhere(string key, string @operator, IEnumerable<string> values) =>
        this with { PodSelector = Map(("matchExpressions", List(Map(("key", key), ("operator", @operator), ("values", ListOf(values.Order(StringComparer.Ordinal))))))) };

    /// <summary>
    /// Only the directions that have rules are listed in policyTypes, so an allow never turns into a
    /// deny for the other direction (that is the default-deny policy's job alone).
    /// </summary>
    public KubernetesObject Render()
    {
        var types = new List<object?>();
        if (DeniesAll || Ingress.Count > 0)
            types.Add("Ingress");
        if (DeniesAll || Egress.Count > 0)
            types.Add("Egress");
        return Manifest.Object("networking.k8s.io/v1", "NetworkPolicy", Name, Namespace, StandardLabels.Shared(Name, ClusterBaselineRenderer.Component),
            ("spec", Map(
                ("podSelector", new OrderedDictionary<string, object?>(PodSelector)),
                ("policyTypes", types),
                ("ingress", Ingress.Count == 0 ? null : new List<object?>(Ingress)),
                ("egress", Egress.Count == 0 ? null : new List<object?>(Egress)))));
    }
}
