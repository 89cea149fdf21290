using Delivery.Core.Cluster;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>
/// The host names the stack routes through the cluster Gateway (the in-cluster registry, Grafana,
/// each app): each a DNS name, never an IP address (an HTTPRoute hostname cannot be one), and each
/// claimed once, since a second route for one host would take some of the first one's traffic.
/// </summary>
internal static class HostRules
{
    /// <summary>Gateway API allows 64 listeners on a Gateway; one is the http listener, each host has its own https one.</summary>
    public const int MaxHosts = 63;

    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config)
    {
        var claims = GatewayHosts.Of(config);
        if (claims.Count > MaxHosts)
        {
            var last = claims[^1];
            yield return ConfigProblem.Error(last.Path, last.Host,
                $"is host number {claims.Count} of this stack; its Gateway has one https listener per host and Gateway API allows {MaxHosts + 1} listeners (one is http).",
                $"serve at most {MaxHosts} hosts per stack: remove the host of an app that needs none (pulumi config rm --path {last.Path}), or split the apps over two stacks.");
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
