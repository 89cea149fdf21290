using System.Globalization;
using System.Net;

namespace Delivery.Core.Model.Values;

/// <summary>An app's allowed destination outside the cluster: <c>CIDR:port</c>, TCP.</summary>
public sealed record EgressRule(string Cidr, int Port)
{
    /// <summary>A /0: every address, IPv4 or IPv6.</summary>
    public bool IsEverywhere => Cidr.EndsWith("/0", StringComparison.Ordinal);

    public IPNetwork Network => IPNetwork.Parse(Cidr);

    /// <summary>Whether the rule's network and <paramref name="other"/> share an address (one of them holds the other's first address).</summary>
    public bool Overlaps(IPNetwork other) =>
        Network.BaseAddress.AddressFamily == other.BaseAddress.AddressFamily
        && (Network.Contains(other.BaseAddress) || other.Contains(Network.BaseAddress));

    /// <summary>The network in <paramref name="cidr"/>, or null unless it is <c>address/prefix</c> with the network address.</summary>
    public static IPNetwork? ParseNetwork(string cidr) =>
        IPNetwork.TryParse(cidr, out var network) && network.ToString() == cidr ? network : null;

    /// <summary>The rule in <paramref name="text"/>, or null when it is not <c>address/prefix:port</c>.</summary>
    public static EgressRule? Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0
            || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535
            || ParseNetwork(text[..colon]) is null)
            return null;
        return new EgressRule(text[..colon], port);
    }
}
