using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Network;

/// <summary>The pieces of NetworkPolicy rules: peers (who) and ports (which).</summary>
internal static class PolicyPeers
{
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>
    /// Addresses that are never "the internet": RFC 1918 and carrier-grade NAT ranges (nodes, the
    /// API server's node address, other in-cluster and VPC hosts), loopback, and link-local, which
    /// holds the cloud metadata service (169.254.169.254) on AWS, GCP and Azure alike.
    /// </summary>
    public static readonly IReadOnlyList<string> NonPublicIpv4 =
        ["10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"];

    /// <summary>IPv6 unique-local (fc00::/7, incl. AWS's fd00:ec2::254 metadata), link-local and loopback.</summary>
    public static readonly IReadOnlyList<string> NonPublicIpv6 = ["::1/128", "fc00::/7", "fe80::/10"];

    /// <summary>The cloud metadata service's address.</summary>
    public const string CloudMetadata = "169.254.169.254/32";

    /// <summary>Every pod of a namespace, by the name label the API server sets on every namespace.</summary>
    public static OrderedDictionary<string, object?> Namespace(string @namespace) =>
        Map(("namespaceSelector", Map(("matchLabels", Map((NamespaceNameLabel, @namespace))))));

    /// <summary>Pods with these labels in a namespace.</summary>
    public static OrderedDictionary<string, object?> PodsIn(string @namespace, IReadOnlyDictionary<string, string> labels) =>
        Map(
            ("namespaceSelector", Map(("matchLabels", Map((NamespaceNameLabel, @namespace))))),
            ("podSelector", Map(("matchLabels", Strings(labels)))));

    /// <summary>Pods with these labels in the policy's own namespace.</summary>
    public static OrderedDictionary<string, object?> Pods(IReadOnlyDictionary<string, string> labels) =>
        Map(("podSelector", Map(("matchLabels", Strings(labels)))));

    /// <summary>Every pod of the policy's own namespace.</summary>
    public static OrderedDictionary<string, object?> SameNamespace() => Map(("podSelector", new OrderedDictionary<string, object?>()));

    /// <summary>Public addresses only (IPv4 and IPv6): never a node, the API server's node address, a VPC host or the metadata service.</summary>
    public static IReadOnlyList<object?> PublicInternet() =>
    [
        Map(("ipBlock", Map(("cidr", "0.0.0.0/0"), ("except", ListOf(NonPublicIpv4))))),
        Map(("ipBlock", Map(("cidr", "::/0"), ("except", ListOf(NonPublicIpv6))))),
    ];

    /// <summary>Exactly the addresses of one network.</summary>
    public static OrderedDictionary<string, object?> IpBlock(string cidr) => Map(("ipBlock", Map(("cidr", cidr))));

    /// <summary>Any address but the cloud metadata service: alert receivers may be private (an on-premises pager) or public.</summary>
    public static IReadOnlyList<object?> AnyAddressButMetadata() =>
    [
        Map(("ipBlock", Map(("cidr", "0.0.0.0/0"), ("except", List(CloudMetadata))))),
        Map(("ipBlock", Map(("cidr", "::/0")))),
    ];

    public static OrderedDictionary<string, object?> Tcp(int port) => Map(("protocol", "TCP"), ("port", port));

    public static OrderedDictionary<string, object?> Udp(int port) => Map(("protocol", "UDP"), ("port", port));

    public static List<object?> TcpPorts(IEnumerable<int> ports) => [.. ports.Distinct().Order().Select(port => (object?)Tcp(port))];

    /// <summary>
    /// A rule for the given peers on the given ports. No peers means any address: used only for
    /// the nodes' own endpoints and an API server whose endpoints are not configured, which have no
    /// in-cluster name to select and whose addresses differ per cluster (the policies using it
    /// select only the pods that need them).
    /// </summary>
    public static OrderedDictionary<string, object?> Rule(string direction, IReadOnlyList<object?> peers, List<object?> ports) =>
        peers.Count == 0 ? Map(("ports", ports)) : Map((direction, new List<object?>(peers)), ("ports", ports));
}
