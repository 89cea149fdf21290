using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class NetworkPolicyTests
{
    private static readonly IReadOnlyList<KubernetesObject> Policies =
        [.. ClusterBaselineRenderer.Render(DevWithRunners(("apps:web:port", "9090")).Valid(Tier.Dev)).Objects.Where(o => o.Kind == "NetworkPolicy")];

    private static IEnumerable<OrderedDictionary<string, object?>> Rules(KubernetesObject policy, string direction) =>
        Items(Spec(policy).GetValueOrDefault(direction) ?? new List<object?>()).Select(Map);

    private static IEnumerable<OrderedDictionary<string, object?>> Peers(OrderedDictionary<string, object?> rule, string key) =>
        Items(rule.GetValueOrDefault(key) ?? new List<object?>()).Select(Map);

    private static IEnumerable<int> Ports(OrderedDictionary<string, object?> rule) => Items(rule["ports"]).Select(p => (int)Map(p)["port"]!);

    /// <summary>The namespaces a rule's peers select by name ("*" for no peer at all or an ipBlock, i.e. addresses).</summary>
    private static IEnumerable<string> PeerNamespaces(OrderedDictionary<string, object?> rule, string key, string own) =>
        rule.ContainsKey(key)
            ? Peers(rule, key).Select(peer => peer.GetValueOrDefault("namespaceSelector") is { } selector
                ? (string)Map(Map(selector)["matchLabels"])["kubernetes.io/metadata.name"]!
                : peer.ContainsKey("ipBlock") ? "*" : own)
            : ["*"];

    /// <summary>Every (namespace, direction, peer namespace, port) flow the policies allow.</summary>
    private static HashSet<(string Namespace, string Direction, string Peer, int Port)> Flows() =>
    [
        .. from policy in Policies
           from direction in new[] { "ingress", "egress" }
           from rule in Rules(policy, direction)
           where rule.ContainsKey("ports")
           from peer in PeerNamespaces(rule, direction == "ingress" ? "from" : "to", policy.Namespace)
           from port in Ports(rule)
           select (policy.Namespace, direction, peer, port),
    ];

    [Fact]
    public void Every_platform_namespace_denies_all_ingress_and_egress_by_default()
    {
        foreach (var @namespace in PlatformNamespaceObjects.All)
        {
            var deny = Single(Policies, "NetworkPolicy", @namespace, "default-deny");

            Assert.Empty(Map(Spec(deny)["podSelector"]));
            Assert.Equal(["Ingress", "Egress"], Items(Spec(deny)["policyTypes"]));
            Assert.False(Spec(deny).ContainsKey("ingress"));
            Assert.False(Spec(deny).ContainsKey("egress"));
        }
    }

    [Fact]
    public void Every_platform_namespace_may_resolve_names_with_kube_dns_over_udp_and_tcp()
    {
        foreach (var @namespace in PlatformNamespaceObjects.All)
        {
            var rule = Assert.Single(Rules(Single(Policies, "NetworkPolicy", @namespace, "allow-dns"), "egress"));
            var peer = Assert.Single(Peers(rule, "to"));

            Assert.Equal("kube-system", Map(Map(peer["namespaceSelector"])["matchLabels"])["kubernetes.io/metadata.name"]);
            Assert.Equal("kube-dns", Map(Map(peer["podSelector"])["matchLabels"])["k8s-app"]);
            Assert.Equal(["UDP/53", "TCP/53"], Items(rule["ports"]).Select(p => $"{Map(p)["protocol"]}/{Map(p)["port"]}"));
        }
    }

    [Fact]
    public void The_allows_are_exactly_the_flows_the_platform_needs()
    {
        string[] any = ["*"];
        var expected = new HashSet<(string, string, string, int)>();
        void Allow(string ns, string direction, IEnumerable<string> peers, params int[] ports)
        {
            foreach (var peer in peers)
            {
                foreach (var port in ports)
                    expected.Add((ns, direction, peer, port));
            }
        }
        foreach (var ns in PlatformNamespaceObjects.All)
        {
            Allow(ns, "egress", ["kube-system"], 53);
        }
        Allow("gateway", "ingress", any, 10080, 10443, 9443);
        Allow("gateway", "ingress", ["gateway"], 18000, 18002);
        Allow("gateway", "ingress", ["monitoring"], 19001);
        Allow("gateway", "egress", ["gateway"], 18000, 18002);
        Allow("gateway", "egress", ["apps"], 8080, 9090);
        Allow("gateway", "egress", ["registry"], 5000);
        Allow("gateway", "egress", ["monitoring"], 3000);
        Allow("gateway", "egress", any, 443, 6443);
        Allow("registry", "ingress", ["gateway"], 5000);
        Allow("registry", "ingress", ["monitoring"], 5001);
        Allow("ci", "egress", ["gateway"], 10080, 10443);
        Allow("ci", "egress", any, 80, 443, 6443);
        Allow("ci-release", "egress", ["gateway"], 10080, 10443);
        Allow("ci-release", "egress", any, 80, 443, 6443);
        Allow("ci-release", "ingress", ["monitoring"], 8080); // ARC's release controller and listener
        Allow("ci-control", "ingress", ["monitoring"], 8080, 9252);
        Allow("ci-control", "egress", any, 443, 6443);
        Allow("monitoring", "ingress", ["monitoring", "monitoring-agents"], 3100);
        Allow("monitoring", "ingress", ["gateway"], 3000);
        Allow("monitoring", "ingress", any, 10250); // the API server calls the operator's admission webhook
        Allow("monitoring", "egress", ["monitoring"], 9093); // Loki's ruler, which the namespace-wide allow leaves out
        // Grafana, which the namespace-wide allow leaves out too: its data sources, and the namespace's calls to it.
        Allow("monitoring", "egress", ["monitoring"], 9090, 3100, 3200);
        Allow("monitoring", "ingress", ["monitoring"], 3000);
        Allow("monitoring", "ingress", ["apps"], 4317, 4318);
        Allow("monitoring", "egress", ["apps"], 8080, 9090);
        Allow("monitoring", "egress", ["gateway"], 19001, 10080, 10443);
        Allow("monitoring", "egress", ["registry"], 5001);
        Allow("monitoring", "egress", ["ci-control"], 8080, 9252);
        Allow("monitoring", "egress", ["ci-release"], 8080);
        Allow("monitoring", "egress", ["kube-system"], 9153);
        Allow("monitoring", "egress", any, 10250, 9100, 443, 6443);
        Allow("monitoring-agents", "egress", ["monitoring"], 3100);
        Allow("monitoring-agents", "egress", any, 443, 6443);
        // The release gates (CiReleaseGateAccess): release jobs query Prometheus and Alertmanager and smoke-test the apps.
        Allow("ci-release", "egress", ["monitoring"], 9090, 9095);
        Allow("monitoring", "ingress", ["ci-release"], 9090, 9095);
        Allow("ci-release", "egress", ["apps"], 8080, 9090);
        Allow("apps", "ingress", ["ci-release"], 8080, 9090);

        var actual = Flows();

        Assert.Empty(actual.Except(expected));
        Assert.Empty(expected.Except(actual));
    }

    [Fact]
    public void Only_monitoring_talks_to_itself_on_every_port()
    {
        var unrestricted = Policies.Where(p => new[] { "ingress", "egress" }.Any(d => Rules(p, d).Any(rule => !rule.ContainsKey("ports")))).ToList();

        var policy = Assert.Single(unrestricted);
        Assert.Equal(("monitoring", "allow-within-namespace"), (policy.Namespace, policy.Name));
        Assert.All(Rules(policy, "ingress").SelectMany(r => Peers(r, "from")).Concat(Rules(policy, "egress").SelectMany(r => Peers(r, "to"))),
            peer => Assert.Equal(["podSelector"], peer.Keys));
    }

    [Fact]
    public void Public_traffic_and_the_control_plane_ports_reach_only_the_envoy_pods_they_are_for()
    {
        var proxies = Map(Map(Spec(Single(Policies, "NetworkPolicy", "gateway", "allow-public-traffic"))["podSelector"])["matchLabels"]);
        var controller = Map(Map(Spec(Single(Policies, "NetworkPolicy", "gateway", "allow-control-plane"))["podSelector"])["matchLabels"]);

        Assert.Equal("proxy", proxies["app.kubernetes.io/component"]);
        Assert.Equal("envoy-gateway", proxies["app.kubernetes.io/managed-by"]);
        Assert.Equal("envoy-gateway", controller["control-plane"]);
    }

    [Fact]
    public void Every_namespace_selector_selects_by_the_namespace_name_label()
    {
        var selectors = Policies
            .SelectMany(p => Rules(p, "ingress").SelectMany(r => Peers(r, "from")).Concat(Rules(p, "egress").SelectMany(r => Peers(r, "to"))))
            .Where(peer => peer.ContainsKey("namespaceSelector"))
            .Select(peer => Map(Map(peer["namespaceSelector"])["matchLabels"]))
            .ToList();

        Assert.NotEmpty(selectors);
        Assert.All(selectors, labels => Assert.Equal(["kubernetes.io/metadata.name"], labels.Keys));
    }

    [Fact]
    public void Without_apps_no_rule_names_an_empty_port_list()
    {
        var config = Dev(("apps:api:image", null), ("apps:api:blue", null), ("apps:api:green", null), ("apps:api:live", null), ("apps:api:host", null),
            ("apps:api:callers:0", null), ("apps:web:image", null), ("apps:web:blue", null), ("apps:web:live", null));
        var policies = ClusterBaselineRenderer.Render(config.Valid(Tier.Dev)).Objects.Where(o => o.Kind == "NetworkPolicy").ToList();

        Assert.Empty(config.Apps);
        Assert.DoesNotContain(policies, p => p.Namespace == PlatformNamespaces.Apps && p.Name == "allow-from-gateway");
        Assert.All(policies.SelectMany(p => Rules(p, "ingress").Concat(Rules(p, "egress"))).Where(r => r.ContainsKey("ports")),
            rule => Assert.NotEmpty(Items(rule["ports"])));
    }
}
