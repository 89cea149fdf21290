using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Delivery.Core.Configuration;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>
/// An app's <c>egress</c> list: each entry a <c>CIDR:port</c> outside the cluster that names a
/// network the app calls, never the instance metadata services, a prefix wider than any one network
/// an app calls, or the cluster's own ranges (reached by name and policy, never by egress range).
/// </summary>
internal static class EgressRules
{
    /// <summary>
    /// The widest prefixes an entry may have. No organization holds more than a /8 of IPv4 (IANA
    /// hands out /8s to the regional registries, and a few early holders got one whole); a /32 is
    /// the registries' usual allocation to a whole provider in IPv6. Anything wider spans networks
    /// the app cannot mean to call all of.
    /// </summary>
    public const int Ipv4PrefixFloor = 8;
    public const int Ipv6PrefixFloor = 32;

    /// <summary>Where clouds serve instance metadata (and with it the node's credentials).</summary>
    private static readonly (IPNetwork Range, string Why)[] Refused =
    [
        (IPNetwork.Parse("169.254.0.0/16"), "link-local, where AWS, GCP, Azure and Oracle serve instance metadata and credentials"),
        (IPNetwork.Parse("100.100.100.200/32"), "Alibaba Cloud's instance metadata service"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "AWS's IPv6 instance metadata service"),
        (IPNetwork.Parse("fe80::/10"), "IPv6 link-local"),
    ];

    public static IEnumerable<ConfigProblem> Check(ConfigPath egress, IReadOnlyList<string> entries, IReadOnlyList<string> clusterNetworks)
    {
        var cluster = clusterNetworks.Select(EgressRule.ParseNetwork).OfType<IPNetwork>().ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var key = egress.Index(i);
            var fix = $"list only the networks the app calls (the provider's published ranges, or an egress proxy's address): pulumi config set --path '{key}' <cidr>:<port>.";
            var rule = EgressRule.Parse(entries[i]);
            if (rule is null)
            {
                yield return ConfigProblem.Error(key, entries[i],
                    "must be a destination as CIDR:port, with the network address of the CIDR (10.20.0.0/16:5432, 203.0.113.0/24:443).",
                    $"pulumi config set --path '{key}' <cidr>:<port>.");
                continue;
            }
            if (rule.IsEverywhere)
            {
                yield return ConfigProblem.Error(key, entries[i],
                    "allows the whole address space, including the nodes, the API server and the cloud metadata service (169.254.169.254).", fix);
                continue;
            }
            var floor = rule.Network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? Ipv4PrefixFloor : Ipv6PrefixFloor;
            if (rule.Network.PrefixLength < floor)
            {
                yield return ConfigProblem.Error(key, entries[i],
                    $"is a /{rule.Network.PrefixLength.ToString(CultureInfo.InvariantCulture)}, wider than a /{Ipv4PrefixFloor} (IPv4) or /{Ipv6PrefixFloor} (IPv6): no network an app calls is that large, and it takes in the nodes, the API server and other tenants' hosts.",
                    fix);
            }
            foreach (var (range, why) in Refused.Where(refused => rule.Overlaps(refused.Range)))
                yield return ConfigProblem.Error(key, entries[i], $"reaches {range} ({why}), which no app may call.", fix);
            foreach (var own in cluster.Where(rule.Overlaps))
            {
                yield return ConfigProblem.Error(key, entries[i],
                    $"reaches into the cluster's own network {own} (cluster.networks): nodes, the API server and pods are never an app's egress destination.",
                    $"for another app, list this one in its callers (apps.<callee>.callers); otherwise a range outside {own}: pulumi config set --path '{key}' <cidr>:<port>.");
            }
        }
    }
}
