using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Monitoring;
using Delivery.Core.Network;
using static Delivery.Core.Network.PolicyPeers;

namespace Delivery.Core.Cluster;

/// <summary>
/// Namespace-level network policies: every platform namespace denies all traffic both ways, then
/// allows DNS and exactly the flows the platform's parts need, each for the pods that need it.
/// Policies per app (callers) are the apps' own. The internet is public addresses only (no node,
/// VPC host or metadata service); a rule with no peer (see <see cref="PolicyPeers.Rule"/>) is how
/// the nodes' own endpoints are reached, and the API server where <c>cluster.apiServerEndpoints</c>
/// does not name it, and only the pods that call them get one: neither has a label to select, and
/// the API server's address differs per cluster (on k3s and kubeadm it is the node's 6443 after the
/// <c>kubernetes</c> Service's DNAT).
/// </summary>
public static class BaselineNetworkPolicies
{
    public const string KubeSystem = "kube-system";

    public static IReadOnlyList<KubernetesObject> Render(DeliveryConfig config) =>
        [.. Specs(config).Select(spec => spec.Render())];

    /// <summary>The policies of the namespaces in use (<see cref="PlatformNamespaceObjects.InUse"/>).</summary>
    internal static IEnumerable<NetworkPolicySpec> Specs(DeliveryConfig config)
    {
        var inUse = PlatformNamespaceObjects.InUse(config);
        return AllSpecs(config).Where(spec => inUse.Contains(spec.Namespace));
    }

    private static IEnumerable<NetworkPolicySpec> AllSpecs(DeliveryConfig config)
    {
        foreach (var @namespace in PlatformNamespaceObjects.All)
        {
            yield return NetworkPolicySpec.DefaultDeny(@namespace);
            yield return NetworkPolicySpec.Out("allow-dns", @namespace,
                Rule("to", [PodsIn(KubeSystem, PlatformPods.KubeDns)], [Udp(PlatformPorts.Dns), Tcp(PlatformPorts.Dns)]));
        }
        // The apps namespace has no namespace-wide allows but CI's smoke tests (CiReleaseGateAccess): each
        // app's own NetworkPolicy (Apps/AppPolicies) admits the gateway only if it has a host, Prometheus,
        // and its declared callers.
        foreach (var spec in Gateway(config).Concat(Registry()).Concat(Ci(config)).Concat(CiRelease(config)).Concat(CiControl(config)).Concat(Monitoring(config)).Concat(MonitoringAgents(config)).Concat(CiReleaseGateAccess.Specs(config)))
            yield return spec;
    }

    /// <summary>The container ports of the apps' traffic (and their metrics, where they have no port of their own: the route keeps /metrics off the public host).</summary>
    public static IReadOnlyList<int> AppPorts(DeliveryConfig config) => [.. config.Apps.Values.Select(app => app.Port).Distinct().Order()];

    /// <summary>The container ports Prometheus scrapes the apps on.</summary>
    public static IReadOnlyList<int> AppScrapePorts(DeliveryConfig config) => [.. config.Apps.Values.Select(app => app.ScrapePort).Distinct().Order()];

    private static IEnumerable<NetworkPolicySpec> Gateway(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.Gateway;
        yield return NetworkPolicySpec.In("allow-public-traffic", ns, Rule("from", [], TcpPorts([PlatformPorts.EnvoyHttp, PlatformPorts.EnvoyHttps])))
            .ForPods(PlatformPods.EnvoyProxy);
        yield return NetworkPolicySpec.In("allow-control-plane", ns,
                Rule("from", [SameNamespace()], TcpPorts([PlatformPorts.EnvoyGatewayXds, PlatformPorts.EnvoyGatewayWasm])),
                Rule("from", [], TcpPorts([PlatformPorts.EnvoyGatewayWebhook])))
            .ForPods(PlatformPods.EnvoyGateway);
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns, Rule("from", [PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Prometheus)], TcpPorts([PlatformPorts.EnvoyMetrics])));
        var backends = new List<OrderedDictionary<string, object?>>
        {
            Rule("to", [SameNamespace()], TcpPorts([PlatformPorts.EnvoyGatewayXds, PlatformPorts.EnvoyGatewayWasm])),
            Rule("to", [Namespace(PlatformNamespaces.Registry)], TcpPorts([PlatformPorts.Registry])),
            Rule("to", [PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Grafana)], TcpPorts([PlatformPorts.Grafana])),
        };
        if (config.Apps.Count > 0)
            backends.Insert(1, Rule("to", [Namespace(PlatformNamespaces.Apps)], TcpPorts(AppPorts(config))));
        yield return NetworkPolicySpec.Out("allow-to-backends", ns, [.. backends]);
        // Only the controller (it watches Gateway API objects and deploys the proxies) and its certgen
        // Job call the API server; the proxies get their config over xDS from the controller.
        yield return KubeApi(config, "allow-kube-api", ns).ForPods(PlatformPods.EnvoyGateway);
        yield return KubeApi(config, "allow-kube-api-certgen", ns).ForPods(PlatformPods.EnvoyGatewayCertgen);
        // Grafana's single sign-on at the Gateway: the proxies exchange each login's code at the
        // provider's token endpoint and the controller reads its discovery document; the provider
        // may be inside the company network.
        if (config.Monitoring.Enabled && GrafanaAccessPolicy.HasOidc(config.Monitoring) && config.Monitoring.GrafanaHost.Length > 0)
        {
            var provider = Rule("to", AnyAddressButMetadata(), TcpPorts(GrafanaAccessPolicy.ProviderPorts(config.Monitoring.GrafanaOidc)));
            yield return NetworkPolicySpec.Out("allow-identity-provider", ns, provider).ForPods(PlatformPods.EnvoyProxy);
            yield return NetworkPolicySpec.Out("allow-identity-provider-discovery", ns, provider).ForPods(PlatformPods.EnvoyGateway);
        }
    }

    private static IEnumerable<NetworkPolicySpec> Registry()
    {
        const string ns = PlatformNamespaces.Registry;
        yield return NetworkPolicySpec.In("allow-from-gateway", ns, Rule("from", [PodsIn(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy)], TcpPorts([PlatformPorts.Registry])));
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns, Rule("from", [PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Prometheus)], TcpPorts([PlatformPorts.RegistryMetrics])));
    }

    /// <summary>
    /// Default job pods reach public hosts over HTTP(S) (their CI service, external registries,
    /// package mirrors) and the Gateway, never a node, a VPC host, the metadata service or the API
    /// server. Only ARC's runner pods call the API server: they start and exec into the job pods.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> Ci(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.Ci;
        yield return RegistryPush(ns);
        yield return NetworkPolicySpec.Out("allow-internet", ns, Rule("to", PublicInternet(), TcpPorts([80, 443])));
        yield return KubeApi(config, "allow-kube-api", ns).ForPods(PlatformPods.ArcRunner);
    }

    /// <summary>
    /// The release runners' namespace: the same as ci, and the release job pods run pulumi up
    /// against this cluster, so they reach the API server (the gates' flows are in
    /// <see cref="CiReleaseGateAccess"/>). ARC's release controller and listener run here too: they
    /// call GitHub and the API server, and Prometheus scrapes them.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> CiRelease(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.CiRelease;
        // Prod's release jobs publish nothing (no push credentials), so they need no way to the registry.
        if (Delivery.Core.Registry.RegistryCredentials.PushSecret(config) is not null)
            yield return RegistryPush(ns);
        yield return NetworkPolicySpec.Out("allow-internet", ns, Rule("to", PublicInternet(), TcpPorts([80, 443])));
        yield return KubeApi(config, "allow-release-jobs-kube-api", ns).ForPods(PlatformPods.ReleaseJobs);
        if (config.Ci.Kind != CiMode.GitHub)
            yield break;
        yield return KubeApi(config, "allow-kube-api", ns).ForPods(PlatformPods.ArcRunner);
        yield return KubeApi(config, "allow-kube-api-controller", ns).ForPods(PlatformPods.ArcController);
        yield return KubeApi(config, "allow-kube-api-listener", ns).ForPods(PlatformPods.ArcListener);
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns,
                Rule("from", [PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Prometheus)], TcpPorts([PlatformPorts.ArcMetrics])))
            .ForPodsWhere(PlatformPods.ComponentLabel, "In", [PlatformPods.ArcController[PlatformPods.ComponentLabel], PlatformPods.ArcListener[PlatformPods.ComponentLabel]]);
    }

    /// <summary>
    /// Pushes go to registry.host, the Gateway's address, which in-cluster traffic reaches as the
    /// Envoy proxy pods on their unprivileged ports (the registry's own Service is not used).
    /// </summary>
    private static NetworkPolicySpec RegistryPush(string @namespace) =>
        NetworkPolicySpec.Out("allow-registry-push", @namespace,
            Rule("to", [PodsIn(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy)], TcpPorts([PlatformPorts.EnvoyHttp, PlatformPorts.EnvoyHttps])));

    /// <summary>
    /// The CI controllers talk to their CI service (public HTTPS) and the API server, and are scraped
    /// by Prometheus; nothing else reaches them.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> CiControl(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.CiControl;
        yield return NetworkPolicySpec.In("allow-metrics-scrape", ns,
            Rule("from", [PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Prometheus)], TcpPorts([PlatformPorts.ArcMetrics, PlatformPorts.GitLabRunnerMetrics])));
        yield return NetworkPolicySpec.Out("allow-ci-service", ns, Rule("to", PublicInternet(), TcpPorts([443])));
        yield return KubeApi(config, "allow-kube-api", ns);
    }

    /// <summary>
    /// Inside monitoring, pods talk to each other, except that Loki (every pod's logs) takes
    /// queries and pushes only from Grafana, Prometheus and the log collector, and calls only
    /// Alertmanager (its ruler) and the API server (its rules sidecar watches the log-alert
    /// ConfigMaps); and Grafana, the one internet-facing pod, calls only its data sources, never the
    /// operators beside it. Grafana's traffic comes from the Envoy proxies, traces from the apps. Only
    /// Prometheus scrapes (other namespaces, the kubelets and node-exporters), only Alertmanager
    /// sends webhooks, only trivy-operator fetches from public registries, only Grafana calls the
    /// identity provider, and the other stores (Tempo, the OTel collector, Alertmanager) never call
    /// the API server.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> Monitoring(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.Monitoring;
        yield return new NetworkPolicySpec("allow-within-namespace", ns, [],
                [Manifest.Map(("from", new List<object?> { SameNamespace() }))], [Manifest.Map(("to", new List<object?> { SameNamespace() }))])
            .ForPodsWhere(PlatformPods.NameLabel, "NotIn", ["grafana", "loki"]);
        // The rest of monitoring still calls Grafana (Prometheus scrapes it, the chart's test hook).
        yield return new NetworkPolicySpec("allow-grafana-data-sources", ns, [],
                [Rule("from", [SameNamespace()], TcpPorts([PlatformPorts.Grafana]))],
                [
                    Rule("to", [Pods(PlatformPods.Prometheus)], TcpPorts([PlatformPorts.Prometheus])),
                    Rule("to", [Pods(PlatformPods.Alertmanager)], TcpPorts([PlatformPorts.Alertmanager])),
                    Rule("to", [Pods(PlatformPods.Loki)], TcpPorts([PlatformPorts.Loki])),
                    Rule("to", [Pods(PlatformPods.Tempo)], TcpPorts([PlatformPorts.Tempo])),
                ])
            .ForPods(PlatformPods.Grafana);
        yield return NetworkPolicySpec.In("allow-loki-clients", ns,
                Rule("from", [Pods(PlatformPods.Grafana), Pods(PlatformPods.Prometheus), PodsIn(PlatformNamespaces.MonitoringAgents, PlatformPods.Alloy)], TcpPorts([PlatformPorts.Loki])))
            .ForPods(PlatformPods.Loki);
        yield return NetworkPolicySpec.Out("allow-loki-ruler", ns, Rule("to", [Pods(PlatformPods.Alertmanager)], TcpPorts([PlatformPorts.Alertmanager])))
            .ForPods(PlatformPods.Loki);
        yield return KubeApi(config, "allow-loki-rules-sidecar", ns).ForPods(PlatformPods.Loki);
        yield return NetworkPolicySpec.In("allow-from-gateway", ns, Rule("from", [PodsIn(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy)], TcpPorts([PlatformPorts.Grafana])))
            .ForPods(PlatformPods.Grafana);
        // The API server validates every PrometheusRule at the operator's webhook; denied, each apply
        // would wait out the webhook's timeout and pass unvalidated (failurePolicy Ignore).
        yield return NetworkPolicySpec.In("allow-admission-webhook", ns, Rule("from", [], TcpPorts([PlatformPorts.PrometheusOperatorWebhook])))
            .ForPods(PlatformPods.PrometheusOperator);
        yield return NetworkPolicySpec.In("allow-telemetry-ingest", ns, Rule("from", [Namespace(PlatformNamespaces.Apps)], TcpPorts([PlatformPorts.OtlpGrpc, PlatformPorts.OtlpHttp])))
            .ForPods(PlatformPods.OtelCollector);
        var targets = new List<OrderedDictionary<string, object?>>();
        if (config.Apps.Count > 0)
            targets.Add(Rule("to", [Namespace(PlatformNamespaces.Apps)], TcpPorts(AppScrapePorts(config))));
        targets.Add(Rule("to", [Namespace(PlatformNamespaces.Gateway)], TcpPorts([PlatformPorts.EnvoyMetrics])));
        targets.Add(Rule("to", [Namespace(PlatformNamespaces.Registry)], TcpPorts([PlatformPorts.RegistryMetrics])));
        targets.Add(Rule("to", [Namespace(PlatformNamespaces.CiControl)], TcpPorts([PlatformPorts.ArcMetrics, PlatformPorts.GitLabRunnerMetrics])));
        if (config.Ci.Kind == CiMode.GitHub && PlatformNamespaceObjects.InUse(config).Contains(PlatformNamespaces.CiRelease))
            targets.Add(Rule("to", [Namespace(PlatformNamespaces.CiRelease)], TcpPorts([PlatformPorts.ArcMetrics])));
        targets.Add(Rule("to", [PodsIn(KubeSystem, PlatformPods.KubeDns)], TcpPorts([PlatformPorts.CoreDnsMetrics])));
        // The kubelets' cAdvisor and node-exporter (hostNetwork) answer on the nodes' own addresses.
        targets.Add(Rule("to", [], TcpPorts([PlatformPorts.Kubelet, PlatformPorts.NodeExporter])));
        yield return NetworkPolicySpec.Out("allow-scrape-targets", ns, [.. targets]).ForPods(PlatformPods.Prometheus);
        yield return NetworkPolicySpec.Out("allow-alert-webhooks", ns, Rule("to", AnyAddressButMetadata(), TcpPorts([443]))).ForPods(PlatformPods.Alertmanager);
        // Grafana's own sign-in calls the provider's token and userinfo endpoints, which may be
        // inside the company network, on the ports their URLs name.
        if (GrafanaSignIn.IsOn(config))
        {
            yield return NetworkPolicySpec.Out("allow-identity-provider", ns, Rule("to", AnyAddressButMetadata(), TcpPorts(GrafanaSignIn.ProviderPorts(config.Monitoring.GrafanaOidc))))
                .ForPods(PlatformPods.Grafana);
        }
        yield return NetworkPolicySpec.Out("allow-vulnerability-database", ns, Rule("to", PublicInternet(), TcpPorts([443])))
            .ForPods(PlatformPods.TrivyOperator);
        // Scan jobs fetch the database and the images they scan: public registries, or the in-cluster
        // one through the Gateway.
        yield return NetworkPolicySpec.Out("allow-image-scans", ns,
                Rule("to", PublicInternet(), TcpPorts([443])),
                Rule("to", [PodsIn(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy)], TcpPorts([PlatformPorts.EnvoyHttp, PlatformPorts.EnvoyHttps])))
            .ForPods(PlatformPods.TrivyScanJobs);
        yield return KubeApi(config, "allow-kube-api", ns).ForPodsWhere(PlatformPods.NameLabel, "NotIn", PlatformPods.MonitoringStores);
    }

    /// <summary>
    /// node-exporter runs on the host network (network policies do not apply to it; Prometheus
    /// scrapes it on the node's address); the log collector discovers pods through the API server
    /// and pushes to Loki, and nothing reaches it.
    /// </summary>
    private static IEnumerable<NetworkPolicySpec> MonitoringAgents(DeliveryConfig config)
    {
        const string ns = PlatformNamespaces.MonitoringAgents;
        yield return NetworkPolicySpec.Out("allow-log-push", ns, Rule("to", [PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Loki)], TcpPorts([PlatformPorts.Loki])))
            .ForPods(PlatformPods.Alloy);
        yield return KubeApi(config, "allow-kube-api", ns).ForPods(PlatformPods.Alloy);
    }

    /// <summary>The API server: its configured endpoints, or any address on its two ports.</summary>
    private static NetworkPolicySpec KubeApi(DeliveryConfig config, string name, string @namespace)
    {
        var endpoints = config.Cluster.ApiServerEndpoints.Select(EgressRule.Parse).OfType<EgressRule>().ToList();
        return endpoints.Count == 0
            ? NetworkPolicySpec.Out(name, @namespace, Rule("to", [], TcpPorts([PlatformPorts.KubeApi, PlatformPorts.KubeApiNode])))
            : NetworkPolicySpec.Out(name, @namespace, [.. endpoints.Select(endpoint => Rule("to", [IpBlock(endpoint.Cidr)], TcpPorts([endpoint.Port])))]);
    }
}
