using Delivery.Core.Cluster;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Network;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Ci;
using Delivery.Core.Tests.Cluster;
using Delivery.Core.Tests.Monitoring;
using Delivery.Core.Tests.Security;

namespace Delivery.Core.Tests.Charts;

/// <summary>
/// Every connection a pinned chart's pods need (their facts' flows and inbound calls) is allowed by
/// the platform's NetworkPolicies in every stack and CI variant that deploys the chart.
/// </summary>
public sealed class ChartFlowTests
{
    /// <summary>Where the API server answers (a node's 6443 after the kubernetes Service's DNAT, or a managed endpoint's 443), a node, a public host, and a company-network identity provider.</summary>
    private static readonly (Endpoint.Address Address, int Port)[] ApiServer = [(new("10.0.0.10"), 6443), (new("203.0.113.10"), 443)];
    private static readonly Endpoint.Address Node = new("10.0.0.11");
    private static readonly Endpoint.Address InternetHost = new("140.82.112.3");
    private static readonly Endpoint.Address IdentityProvider = new("10.30.0.5");
    private static readonly Endpoint.Pod KubeDns = new(BaselineNetworkPolicies.KubeSystem, PlatformPods.KubeDns);

    private static readonly Lazy<IReadOnlyDictionary<string, ValidStack>> Stacks = new(() =>
    {
        var stacks = ClusterFixtures.CommittedStacks.ToDictionary(stack => $"stack {stack}", ClusterFixtures.Stack);
        foreach (var (name, config) in CiFixtures.Variants())
            stacks[name] = config.Valid(Tier.Dev);
        stacks["grafana sign-in"] = TestConfigs.Load(TestConfigs.ValidDev().With([.. GrafanaSignInTests.Gateway, .. GrafanaSignInTests.Endpoints, ("access:viewers:0", "shop-support")]),
            new Dictionary<string, string>(TestConfigs.Secrets()) { ["monitoring:grafanaOidc:clientSecret"] = "client-secret" }).Valid();
        return stacks;
    });

    public static TheoryData<string, string> Charts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, stack) in Stacks.Value)
        {
            foreach (var chart in PlatformRenderer.Render(stack).Charts.Select(c => $"{ChartFacts.ChartName(c.Chart)}@{c.Version}").Distinct())
                data.Add(name, chart);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Each_flow_a_charts_pods_need_is_allowed(string configName, string chart)
    {
        var stack = Stacks.Value[configName];
        var config = stack.Config;
        var rendering = PlatformRenderer.Render(stack);
        var reach = NetworkReachability.Of(rendering.Objects);
        var spec = rendering.Charts.First(c => $"{ChartFacts.ChartName(c.Chart)}@{c.Version}" == chart);
        var allFacts = ChartFacts.Files.Values.ToList();
        var problems = new List<string>();

        foreach (var workload in PinnedCharts.Workloads(spec))
        {
            var pod = new Endpoint.Pod(workload.Namespace, workload.PodLabels, NamedPorts(workload));
            foreach (var flow in workload.Flows)
            {
                foreach (var (destination, port, protocol) in Destinations(flow.To, config, allFacts))
                {
                    // A pod's traffic to itself (Loki's memberlist and ring address) is never subject to NetworkPolicy.
                    if (destination is Endpoint.Pod same && same.Namespace == pod.Namespace && same.Labels.Count == pod.Labels.Count && !same.Labels.Except(pod.Labels).Any())
                        continue;
                    if (!reach.CanReach(pod, destination, port, protocol))
                        problems.Add($"{workload} -> {destination}:{port}/{protocol} ({flow.Why})");
                }
            }
            foreach (var inbound in workload.Inbound)
            {
                var sources = inbound.From == "api-server" ? ApiServer.Select(a => (Endpoint)a.Address) : Destinations(inbound.From + ":" + inbound.Port, config, allFacts).Select(d => d.Destination);
                foreach (var source in sources)
                {
                    if (!reach.CanReach(source, pod, inbound.Port))
                        problems.Add($"{source} -> {workload}:{inbound.Port} ({inbound.Why})");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{configName}, {chart}: flows its pods need are denied:\n" + string.Join('\n', problems));
    }

    private static Dictionary<string, int> NamedPorts(Workload workload) =>
        workload.Ports.Where(p => p.Name.Length > 0).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Port);

    /// <summary>The endpoints and ports a flow's target names; a pod target is every charted pod with that label in that namespace, or a pod with just that label.</summary>
    private static IEnumerable<(Endpoint Destination, int Port, string Protocol)> Destinations(string to, DeliveryConfig config, IReadOnlyList<ChartFacts> facts)
    {
        if (to == "api-server")
            return ApiServer.Select(a => ((Endpoint)a.Address, a.Port, "TCP"));
        if (to == "dns")
            return [(KubeDns, PlatformPorts.Dns, "UDP"), (KubeDns, PlatformPorts.Dns, "TCP")];
        if (to == "identity-provider")
            return !GrafanaAccessPolicy.HasOidc(config.Monitoring) ? [] : GrafanaAccessPolicy.ProviderPorts(config.Monitoring.GrafanaOidc).Select(port => ((Endpoint)IdentityProvider, port, "TCP"));
        var port = int.Parse(to[(to.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var target = to[..to.LastIndexOf(':')];
        if (target == "internet")
            return [(InternetHost, port, "TCP")];
        if (target == "node")
            return [(Node, port, "TCP")];
        if (!target.StartsWith("pod:", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"unknown flow target '{to}'");
        var (ns, label) = (target[4..target.IndexOf('/')], target[(target.IndexOf('/') + 1)..]);
        var (key, value) = (label[..label.IndexOf('=')], label[(label.IndexOf('=') + 1)..]);
        var pods = facts.SelectMany(f => f.Workloads)
            .Where(w => w.Namespace == ns && w.PodLabels.GetValueOrDefault(key) == value)
            .Select(w => (Endpoint)new Endpoint.Pod(ns, w.PodLabels, NamedPorts(w)))
            .DefaultIfEmpty(new Endpoint.Pod(ns, new Dictionary<string, string> { [key] = value }));
        return pods.Select(pod => (pod, port, "TCP"));
    }
}
