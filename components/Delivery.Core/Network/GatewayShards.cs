using System.Security.Cryptography;
using System.Text;

namespace Delivery.Core.Network;

/// <summary>
/// Which Gateway holds a host's https listener. Gateway API allows 64 listeners per Gateway, so the
/// hosts are spread over up to <see cref="Count"/> Gateways that Envoy Gateway merges into one Envoy
/// fleet (<see cref="ClusterGateway"/>). A host's Gateway is a function of the host alone (a hash),
/// so adding or removing an app never moves another app's listener: no listener churn, no
/// certificate served anew. Only Gateways with a host are rendered.
/// </summary>
public static class GatewayShards
{
    /// <summary>How many host Gateways there can be: 2,000 hosts fill each about half (about 31 of 64).</summary>
    public const int Count = 64;

    /// <summary>Gateway API's limit on one Gateway's listeners (<c>spec.listeners</c> maxItems).</summary>
    public const int ListenersPerGateway = 64;

    /// <summary>
    /// Each host Gateway with its hosts, each host once (names are case-insensitive), Gateways and
    /// hosts in name order: what the Gateways render and what the listener limit is checked on.
    /// </summary>
    public static IEnumerable<(string Gateway, IReadOnlyList<HostClaim> Hosts)> Of(IEnumerable<HostClaim> claims) =>
        claims.DistinctBy(c => c.Host, StringComparer.OrdinalIgnoreCase)
            .GroupBy(c => GatewayOf(c.Host))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<HostClaim>)[.. g.OrderBy(c => c.Host, StringComparer.OrdinalIgnoreCase)]));

    /// <summary>The Gateway of <paramref name="host"/>'s https listener: <c>platform-00</c> … <c>platform-3f</c>.</summary>
    public static string GatewayOf(string host) =>
        $"{ClusterGateway.Name}-{(SHA256.HashData(Encoding.UTF8.GetBytes(host.ToLowerInvariant()))[0] % Count).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)}";
}
