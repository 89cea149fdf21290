using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>The pieces of NetworkPolicy rules: peers (who) and ports (which).</summary>
internal static class PolicyPeers
{
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>Every pod of a namespace, by the name label the API server sets on every namespace.</summary>
    public static OrderedDictionary<string, object?> Namespace(string @namespace) =>
        Map(("namespaceSelector", Map(("matchLabels", Map((NamespaceNameLabel, @namespace))))));

    /// <summary>Pods with these labels in a namespace.</summary>
    public static OrderedDictionary<string, object?> PodsIn(string @namespace, IReadOnlyDictionary<string, string> labels) =>
        Map(
            ("namespaceSelector", Map(("matchLabels", Map((NamespaceNameLabel, @namespace))))),
            ("podSelector", Map(("matchLabels", Strings(labels)))));

    /// <summary>Every pod of the policy's own namespace.</summary>
    public static OrderedDictionary<string, object?> SameNamespace() => Map(("podSelector", new OrderedDictionary<string, object?>()));

    public static OrderedDictionary<string, object?> Tcp(int port) => Map(("protocol", "TCP"), ("port", port));

    public static OrderedDictionary<string, object?> Udp(int port) => Map(("protocol", "UDP"), ("port", port));

    public static List<object?> TcpPorts(IEnumerable<int> ports) => [.. ports.Distinct().Order().Select(port => (object?)Tcp(port))];

    /// <summary>
    /// A rule for the given peers on the given ports. No peers means any address: used only for
    /// traffic that has no in-cluster name to select (the public internet, the API server's and the
    /// nodes' own addresses).
    /// </summary>
    public static OrderedDictionary<string, object?> Rule(string direction, IReadOnlyList<object?> peers, List<object?> ports) =>
        peers.Count == 0 ? Map(("ports", ports)) : Map((direction, new List<object?>(peers)), ("ports", ports));
}
