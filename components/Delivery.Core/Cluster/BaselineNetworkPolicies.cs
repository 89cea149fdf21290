using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Cluster.PolicyPeers;

namespace Delivery.Core.Cluster;

/// <summary>
/// Namespace-level network policies: every platform namespace denies all traffic both ways, then
/// allows DNS and exactly the flows the platform's parts need. Policies per app (callers) are the
/// apps' own. A rule with no peer (see <see cref="PolicyPeers.Rule"/>) is how the API server, the
/// nodes and the internet are reached: none of them has a pod or namespace label to select, and
/// the API server's address differs per cluster (on k3s and kubeadm it is the node's 6443 after the
/// <c>kubernetes</c> Service's DNAT).
/// </summary>
public static class BaselineNetworkPolicies
{
    public const string KubeSystem = "kube-system";

    /// <summary>The label CoreDNS pods carry (k3s, kubeadm and the managed clusters alike).</summary>
    public static readonly IReadOnlyDictionary<string, string> KubeDnsPods = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" };

    /// <summary>Envoy Gateway's proxy pods (the labels its infrastructure manager puts on them).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvoyProxyPods = new Dictionary<string, string>
    {
        ["app.kubernetes.io/component"] = "proxy",
        ["app.kubernetes.io/managed-by"] = "envoy-gateway",
        ["app.kubernetes.io/name"] = "envoy",
    };

    /// <summary>The Envoy Gateway controller's pods (the chart's <c>control-plane</c> label).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvoyGatewayPods = new Dictionary<string, string> { ["control-plane"] = "envoy-gateway" };

    public static IReadOnlyList<KubernetesObject> Render(DeliveryConfig config) =>
        [.. Specs(config).Select(spec => spec.Render())];

    internal static IEnumerable<NetworkPolicySpec> Specs(DeliveryConfig config)
    {
        foreach (var @namespace in PlatformNamespaceObjects.All)
        {
            yield return NetworkPolicySpec.DefaultDeny(@namespace);
            yield return NetworkPolicySpec.Out("allow-dns", @namespace,
                Rule("to", [PodsIn(KubeSystem, KubeDnsPods)], [Udp(PlatformPorts.Dns), Tcp(PlatformPorts.Dns)]));
        }
        // The apps namespace has no namespace-wide allows but CI's smoke tests (CiReleaseGateAccess): each
        // app's own NetworkPolicy (Apps/AppPolicies) admits the gateway only if it has a host, Prometheus,
        // and its declared callers.
        foreach (var spec in Gateway(config).Concat(Registry()).Concat(Ci()).Concat(Monitoring(config)).Concat(CiReleaseGateAccess.Specs(config)))
            yield return spec;
    }

    /// <summary>The container ports of the apps, where both their traffic and their metrics are served.</summary>
    public static IReadOnlyList<int> AppPorts(DeliveryConfig config) => [.. config.Apps.Values.Select(app => app.Port).Distinct().Order()];

    private static IEnumerable<NetworkPolicySpec> Gateway(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.Gateway;
        yield return NetworkPolicySpec.In("allow-public-traffic", ns, Rule("from", [], TcpPorts([PlatformPorts.EnvoyHttp, PlatformPorts.EnvoyHttps])))
            .ForPods(EnvoyProxyPods);
        yield return NetworkPolicySpec.In("allow-control-plane", ns,
                Rule("from", [SameNamespace()], TcpPorts([PlatformPorts.EnvoyGatewayXds, PlatformPorts.EnvoyGatewayWasm])),
                Rule("from", [], TcpPorts([PlatformPorts.EnvoyGatewayWebhook])))
            .ForPods(EnvoyGatewayPods);
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns, Rule("from", [Namespace(PlatformNamespaces.Monitoring)], TcpPorts([PlatformPorts.EnvoyMetrics])));
        var backends = new List<OrderedDictionary<string, object?>>
        {
            Rule("to", [SameNamespace()], TcpPorts([PlatformPorts.EnvoyGatewayXds, PlatformPorts.EnvoyGatewayWasm])),
            Rule("to", [Namespace(PlatformNamespaces.Registry)], TcpPorts([PlatformPorts.Registry])),
            Rule("to", [Namespace(PlatformNamespaces.Monitoring)], TcpPorts([PlatformPorts.Grafana])),
        };
        if (config.Apps.Count > 0)
            backends.Insert(1, Rule("to", [Namespace(PlatformNamespaces.Apps)], TcpPorts(AppPorts(config))));
        yield return NetworkPolicySpec.Out("allow-to-backends", ns, [.. backends]);
        yield return KubeApi(ns);
    }

    private static IEnumerable<NetworkPolicySpec> Registry()
    {
        const string ns = PlatformNamespaces.Registry;
        yield return NetworkPolicySpec.In("allow-from-gateway", ns, Rule("from", [Namespace(PlatformNamespaces.Gateway)], TcpPorts([PlatformPorts.Registry])));
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns, Rule("from", [Namespace(PlatformNamespaces.Monitoring)], TcpPorts([PlatformPorts.RegistryMetrics])));
    }

    /// <summary>
    /// Runners push to the in-cluster registry through the Gateway, and reach their CI service (GitHub,
    /// GitLab), external registries and package mirrors on the internet over HTTP(S); the runner
    /// controllers and GitLab's Kubernetes executor manage pods through the API server.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> Ci()
    {
        const string ns = PlatformNamespaces.Ci;
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns,
            Rule("from", [Namespace(PlatformNamespaces.Monitoring)], TcpPorts([PlatformPorts.ArcMetrics, PlatformPorts.GitLabRunnerMetrics])));
        // Pushes go to registry.host, the Gateway's address, which in-cluster traffic reaches as the
        // Envoy proxy pods on their unprivileged ports (the registry's own Service is not used).
        yield return NetworkPolicySpec.Out("allow-registry-push", ns,
            Rule("to", [PodsIn(PlatformNamespaces.Gateway, EnvoyProxyPods)], TcpPorts([PlatformPorts.EnvoyHttp, PlatformPorts.EnvoyHttps])));
        yield return NetworkPolicySpec.Out("allow-internet", ns, Rule("to", [], TcpPorts([80, 443])));
        yield return KubeApi(ns);
    }

    /// <summary>
    /// The monitoring stack talks to itself freely (Grafana to the stores, collectors to the
    /// stores, Prometheus to Alertmanager), receives traces from the apps and Grafana's traffic from
    /// the Gateway, scrapes every namespace's metrics ports and the nodes, discovers targets through
    /// the API server, and sends alerts to HTTPS webhooks.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> Monitoring(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.Monitoring;
        yield return new NetworkPolicySpec("allow-within-namespace", ns, new Dictionary<string, string>(),
            [Map(("from", new List<object?> { SameNamespace() }))], [Map(("to", new List<object?> { SameNamespace() }))]);
        yield return NetworkPolicySpec.In("allow-from-gateway", ns, Rule("from", [Namespace(PlatformNamespaces.Gateway)], TcpPorts([PlatformPorts.Grafana])));
        yield return NetworkPolicySpec.In("allow-telemetry-ingest", ns, Rule("from", [Namespace(PlatformNamespaces.Apps)], TcpPorts([PlatformPorts.OtlpGrpc, PlatformPorts.OtlpHttp])));
        var targets = new List<OrderedDictionary<string, object?>>();
        if (config.Apps.Count > 0)
            targets.Add(Rule("to", [Namespace(PlatformNamespaces.Apps)], TcpPorts(AppPorts(config))));
        targets.Add(Rule("to", [Namespace(PlatformNamespaces.Gateway)], TcpPorts([PlatformPorts.EnvoyMetrics])));
        targets.Add(Rule("to", [Namespace(PlatformNamespaces.Registry)], TcpPorts([PlatformPorts.RegistryMetrics])));
        targets.Add(Rule("to", [Namespace(PlatformNamespaces.Ci)], TcpPorts([PlatformPorts.ArcMetrics, PlatformPorts.GitLabRunnerMetrics])));
        targets.Add(Rule("to", [PodsIn(KubeSystem, KubeDnsPods)], TcpPorts([PlatformPorts.CoreDnsMetrics])));
        targets.Add(Rule("to", [], TcpPorts([PlatformPorts.Kubelet, PlatformPorts.NodeExporter])));
        yield return NetworkPolicySpec.Out("allow-scrape-targets", ns, [.. targets]);
        yield return NetworkPolicySpec.Out("allow-alert-webhooks", ns, Rule("to", [], TcpPorts([443])));
        yield return KubeApi(ns);
    }

    private static NetworkPolicySpec KubeApi(string @namespace) =>
        NetworkPolicySpec.Out("allow-kube-api", @namespace, Rule("to", [], TcpPorts([PlatformPorts.KubeApi, PlatformPorts.KubeApiNode])));

    private static OrderedDictionary<string, object?> Map(params (string Key, object? Value)[] entries) => Manifest.Map(entries);
}
