using System.Net;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Security;

/// <summary>One end of a connection: a pod (namespace, labels, named container ports) or an address outside the pod network.</summary>
public abstract record Endpoint
{
    public sealed record Pod(string Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, int>? NamedPorts = null) : Endpoint
    {
        public override string ToString() => $"{Namespace}/{string.Join(',', Labels.Select(l => $"{l.Key}={l.Value}"))}";
    }

    /// <summary>An address no pod selector selects: the internet, a node, the API server's endpoint, cloud metadata.</summary>
    public sealed record Address(string Ip) : Endpoint
    {
        public override string ToString() => Ip;
    }
}

/// <summary>
/// Evaluates rendered NetworkPolicies as Kubernetes does: a policy applies to the pods its
/// podSelector selects in its namespace, for the directions in its policyTypes (Ingress always,
/// Egress when it has egress rules, unless policyTypes says otherwise); a pod no policy selects for
/// a direction is open in that direction; otherwise some rule of some selecting policy must allow
/// the peer and the port. A connection needs the source's egress AND the destination's ingress.
/// Peers: ipBlock (with except) matches addresses outside the pod network only (what it matches for
/// pod IPs is left to the implementation); podSelector alone is the policy's own namespace;
/// namespaceSelector with podSelector in one peer is AND. Ports: number, name (resolved on the
/// destination pod's container ports), endPort; protocol defaults to TCP; no ports means all.
/// </summary>
public sealed class NetworkReachability(IEnumerable<KubernetesObject> objects, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> namespaceLabels)
{
    private readonly List<KubernetesObject> _policies = [.. objects.Where(o => o.Kind == "NetworkPolicy")];

    /// <summary>Namespaces from the rendered Namespace objects, plus those the cluster brings (kube-system, default), each with its name label.</summary>
    public static NetworkReachability Of(IEnumerable<KubernetesObject> objects)
    {
        var all = objects.ToList();
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var ns in new[] { "kube-system", "default" })
            labels[ns] = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns };
        foreach (var ns in all.Where(o => o.Kind == "Namespace"))
        {
            var own = ns.Labels.ToDictionary(l => l.Key, l => (string)l.Value!, StringComparer.Ordinal);
            own["kubernetes.io/metadata.name"] = ns.Name;
            labels[ns.Name] = own;
        }
        return new NetworkReachability(all, labels);
    }

    public bool CanReach(Endpoint source, Endpoint destination, int port, string protocol = "TCP") =>
        Allowed(source, destination, port, protocol, "Egress") && Allowed(destination, source, port, protocol, "Ingress");

    /// <summary>Whether <paramref name="subject"/>'s policies for <paramref name="direction"/> admit <paramref name="peer"/>.</summary>
    private bool Allowed(Endpoint subject, Endpoint peer, int port, string protocol, string direction)
    {
        if (subject is not Endpoint.Pod pod)
            return true;
        var selecting = _policies.Where(p => p.Namespace == pod.Namespace && Types(p).Contains(direction) && LabelSelectors.Matches(Spec(p)["podSelector"], pod.Labels)).ToList();
        if (selecting.Count == 0)
            return true;
        var destination = direction == "Egress" ? peer : subject;
        var (rulesKey, peersKey) = direction == "Egress" ? ("egress", "to") : ("ingress", "from");
        return selecting.Any(policy => Items(Spec(policy).GetValueOrDefault(rulesKey)).Any(rule =>
            PeersMatch(rule.GetValueOrDefault(peersKey), peer, policy.Namespace) && PortsMatch(rule.GetValueOrDefault("ports"), destination, port, protocol)));
    }

    private static IReadOnlyList<string> Types(KubernetesObject policy)
    {
        var spec = Spec(policy);
        if (spec.GetValueOrDefault("policyTypes") is List<object?> types)
            return [.. types.Cast<string>()];
        return spec.ContainsKey("egress") ? ["Ingress", "Egress"] : ["Ingress"];
    }

    private bool PeersMatch(object? peers, Endpoint peer, string policyNamespace)
    {
        var list = Items(peers).ToList();
        return list.Count == 0 || list.Any(p => PeerMatches(p, peer, policyNamespace));
    }

    private bool PeerMatches(OrderedDictionary<string, object?> selector, Endpoint peer, string policyNamespace)
    {
        if (selector.GetValueOrDefault("ipBlock") is OrderedDictionary<string, object?> block)
        {
            if (peer is not Endpoint.Address address)
                return false;
            var ip = IPAddress.Parse(address.Ip);
            return IPNetwork.Parse((string)block["cidr"]!).Contains(ip)
                   && !(block.GetValueOrDefault("except") as List<object?> ?? []).Cast<string>().Any(e => IPNetwork.Parse(e).Contains(ip));
        }
        if (peer is not Endpoint.Pod pod)
            return false;
        var namespaceOk = selector.TryGetValue("namespaceSelector", out var namespaceSelector)
            ? namespaceLabels.TryGetValue(pod.Namespace, out var labels) && LabelSelectors.Matches(namespaceSelector, labels)
            : pod.Namespace == policyNamespace;
        return namespaceOk && (!selector.TryGetValue("podSelector", out var podSelector) || LabelSelectors.Matches(podSelector, pod.Labels));
    }

    private static bool PortsMatch(object? ports, Endpoint destination, int port, string protocol)
    {
        var list = Items(ports).ToList();
        return list.Count == 0 || list.Any(p =>
        {
            if (((string?)p.GetValueOrDefault("protocol") ?? "TCP") != protocol)
                return false;
            return p.GetValueOrDefault("port") switch
            {
                null => true,
                int number => p.GetValueOrDefault("endPort") is int end ? port >= number && port <= end : port == number,
                string name => destination is Endpoint.Pod { NamedPorts: { } named } && named.TryGetValue(name, out var resolved) && resolved == port,
                var other => throw new InvalidOperationException($"unexpected port {other}"),
            };
        });
    }

    private static OrderedDictionary<string, object?> Spec(KubernetesObject policy) => (OrderedDictionary<string, object?>)policy.Body["spec"]!;

    private static IEnumerable<OrderedDictionary<string, object?>> Items(object? list) =>
        (list as List<object?> ?? []).Cast<OrderedDictionary<string, object?>>();
}
