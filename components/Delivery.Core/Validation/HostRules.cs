using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Network;

namespace Delivery.Core.Validation;

/// <summary>
/// The host names the stack routes through the cluster Gateway (the in-cluster registry, Grafana,
/// each app): each a DNS name, never an IP address (an HTTPRoute hostname cannot be one), and each
/// claimed once, since a second route for one host would take some of the first one's traffic; and
/// no host Gateway holds more listeners than Gateway API allows (<see cref="GatewayShards"/>).
/// </summary>
internal static class HostRules
{
    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config)
    {
        var claims = GatewayHosts.Of(config);
        foreach (var (gateway, hosts) in GatewayShards.Of(claims))
        {
            foreach (var (claim, index) in hosts.Select((c, i) => (c, i)).Skip(GatewayShards.ListenersPerGateway))
            {
                yield return ConfigProblem.Error(claim.Path, claim.Host,
                    $"is host number {index + 1} of the Gateway {gateway} (chosen by a hash of the host name); Gateway API allows {GatewayShards.ListenersPerGateway} listeners, one per host.",
                    "choose another host name (another hash), or move some apps to a stack of their own.");
            }
        }
        var firstClaim = new Dictionary<string, ConfigPath>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, host, _, example) in claims)
        {
            if (Names.IsIpAddress(host))
            {
                yield return ConfigProblem.Error(path, host, "is an IP address; a route's hostname must be a DNS name (Gateway API does not match IP addresses).",
                    $"pulumi config set --path {path} {example}.<your domain>.");
            }
            if (!firstClaim.TryAdd(host, path))
            {
                yield return ConfigProblem.Error(path, host, $"is also the host of {firstClaim[host]}; one host name can route to only one of them.",
                    $"give each its own host name, or remove one: pulumi config rm --path {path}.");
            }
        }
    }
}
