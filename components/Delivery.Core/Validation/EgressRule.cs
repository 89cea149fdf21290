using System.Globalization;
using System.Net;

namespace Delivery.Core.Validation;

/// <summary>An app's allowed destination outside the cluster: <c>CIDR:port</c>, TCP.</summary>
public sealed record EgressRule(string Cidr, int Port)
{
    /// <summary>A /0: every address, IPv4 or IPv6.</summary>
    public bool IsEverywhere => Cidr.EndsWith("/0", StringComparison.Ordinal);

    /// <summary>The rule in <paramref name="text"/>, or null when it is not <c>address/prefix:port</c>.</summary>
    public static EgressRule? Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0
            || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535
            || !IPNetwork.TryParse(text[..colon], out var network)
            || network.ToString() != text[..colon])
            return null;
        return new EgressRule(text[..colon], port);
    }
}
