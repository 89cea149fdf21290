using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using Delivery.Core.Platform;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// "Can pod A reach B on port P", evaluated over every NetworkPolicy of the rendered dev stack
/// (baseline and the apps' own). Each row names the finding of issue #14 it keeps fixed, or the
/// flow a component still needs to work. Pods carry the labels their charts and controllers set
/// (<see cref="PlatformPods"/>); addresses stand for what has no pod: the cloud metadata service,
/// the API server on a node (k3s, kubeadm) or on a managed cluster's public endpoint, a node's
/// kubelet, and a host on the internet.
/// </summary>
public sealed class ReachabilityTableTests
{
    public sealed record Row(string Finding, string From, string To, int Port, bool Allowed)
    {
        public override string ToString() => $"{From} -> {To}:{Port} {(Allowed ? "allowed" : "denied")} ({Finding})";
    }

    private static Endpoint.Pod Pod(string @namespace, params (string Key, string Value)[] labels) =>
        new(@namespace, labels.ToDictionary(l => l.Key, l => l.Value));

    private static Endpoint.Pod With(IReadOnlyDictionary<string, string> labels, string @namespace) => new(@namespace, labels);

    /// <summary>Every endpoint the table names.</summary>
    private static readonly Dictionary<string, Endpoint> Endpoints = new(StringComparer.Ordinal)
    {
        ["ci job pod"] = Pod(PlatformNamespaces.Ci, ("runner-pod", "delivery-platform-abcde-runner-xyz")),
        ["ci release job pod"] = Pod(PlatformNamespaces.CiRelease, ("runner-pod", "delivery-platform-release-abcde-runner-xyz"), ("delivery-platform/runner-set", "release")),
        // A pod in ci with the release label: default runners' job pods cannot set it, and even if one did, ci grants it nothing.
        ["ci pod labelled as a release job"] = Pod(PlatformNamespaces.Ci, ("runner-pod", "delivery-platform-abcde-runner-xyz"), ("delivery-platform/runner-set", "release")),
        ["arc release controller"] = Pod(PlatformNamespaces.CiRelease, ("app.kubernetes.io/part-of", "gha-rs-controller"), (PlatformPods.NameLabel, "gha-rs-controller"), (PlatformPods.ComponentLabel, "controller-manager")),
        ["arc release listener"] = Pod(PlatformNamespaces.CiRelease, ("app.kubernetes.io/part-of", "gha-runner-scale-set"), (PlatformPods.ComponentLabel, "runner-scale-set-listener")),
        ["ci runner pod"] = Pod(PlatformNamespaces.Ci, (PlatformPods.ComponentLabel, "runner"), ("actions-ephemeral-runner", "True")),
        ["arc controller"] = Pod(PlatformNamespaces.CiControl, ("app.kubernetes.io/part-of", "gha-rs-controller"), (PlatformPods.NameLabel, "gha-rs-controller")),
        ["arc listener"] = Pod(PlatformNamespaces.CiControl, (PlatformPods.ComponentLabel, "runner-scale-set-listener")),
        ["envoy proxy"] = With(PlatformPods.EnvoyProxy, PlatformNamespaces.Gateway),
        ["envoy controller"] = With(PlatformPods.EnvoyGateway, PlatformNamespaces.Gateway),
        ["registry"] = Pod(PlatformNamespaces.Registry, ("app.kubernetes.io/name", "registry"), ("app.kubernetes.io/instance", "registry")),
        ["grafana"] = With(PlatformPods.Grafana, PlatformNamespaces.Monitoring),
        ["prometheus"] = With(CiReleaseGateAccess.PrometheusPods, PlatformNamespaces.Monitoring),
        ["alertmanager"] = With(CiReleaseGateAccess.AlertmanagerPods, PlatformNamespaces.Monitoring),
        ["loki"] = With(PlatformPods.Loki, PlatformNamespaces.Monitoring),
        ["tempo"] = Pod(PlatformNamespaces.Monitoring, (PlatformPods.NameLabel, "tempo")),
        ["otel collector"] = Pod(PlatformNamespaces.Monitoring, (PlatformPods.NameLabel, "opentelemetry-collector")),
        ["trivy operator"] = With(PlatformPods.TrivyOperator, PlatformNamespaces.Monitoring),
        ["alloy"] = With(PlatformPods.Alloy, PlatformNamespaces.MonitoringAgents),
        ["app api"] = new Endpoint.Pod(PlatformNamespaces.Apps, new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api" }, new Dictionary<string, int> { ["http"] = 8080 }),
        ["app web"] = new Endpoint.Pod(PlatformNamespaces.Apps, new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" }, new Dictionary<string, int> { ["http"] = 8080 }),
        ["cloud metadata"] = new Endpoint.Address("169.254.169.254"),
        ["api server on a node"] = new Endpoint.Address("10.0.0.10"),
        ["managed api endpoint"] = new Endpoint.Address("203.0.113.10"),
        ["a node"] = new Endpoint.Address("10.0.0.11"),
        ["the database subnet"] = new Endpoint.Address("10.20.3.4"),
        ["internet host"] = new Endpoint.Address("140.82.112.3"),
        ["internet host v6"] = new Endpoint.Address("2606:50c0:8000::154"),
    };

    public static TheoryData<Row> Rows() =>
    [
        // High: CI job pods could reach almost anything on 80/443/6443.
        new("ci jobs reach the metadata service", "ci job pod", "cloud metadata", 80, false),
        new("ci jobs reach the metadata service", "ci job pod", "cloud metadata", 443, false),
        new("ci jobs reach the API server", "ci job pod", "api server on a node", 6443, false),
        new("ci jobs reach the API server", "ci job pod", "api server on a node", 443, false),
        new("ci jobs reach the API server", "ci job pod", "managed api endpoint", 6443, false),
        new("ci jobs reach node services", "ci job pod", "a node", 10250, false),
        new("ci jobs reach node services", "ci job pod", "a node", 443, false),
        new("ci jobs reach the controllers", "ci job pod", "arc controller", 8080, false),
        new("ci jobs reach the controllers", "ci job pod", "arc listener", 8080, false),
        new("ci jobs reach the monitoring stores", "ci job pod", "loki", 3100, false),
        new("still works: jobs fetch from the internet", "ci job pod", "internet host", 443, true),
        new("still works: release jobs run pulumi up against the API server", "ci release job pod", "api server on a node", 6443, true),
        new("release jobs reach the metadata service", "ci release job pod", "cloud metadata", 80, false),
        // Medium (issue #22, finding 3): every job pod could write the gate's inputs.
        new("pull request jobs stop Prometheus or read the gate's inputs", "ci job pod", "prometheus", 9090, false),
        new("pull request jobs post silences or fake alerts", "ci job pod", "alertmanager", 9093, false),
        new("pull request jobs flood an idle slot past the Gateway", "ci job pod", "app api", 8080, false),
        new("still works: the release gate queries Prometheus", "ci release job pod", "prometheus", 9090, true),
        // Alertmanager's own port takes silences and alerts: release jobs reach only its read-only door (AlertmanagerReadApi).
        new("release jobs post silences or fake alerts", "ci release job pod", "alertmanager", 9093, false),
        new("still works: the release gate reads Alertmanager's alerts", "ci release job pod", "alertmanager", 9095, true),
        new("pull request jobs read Alertmanager", "ci job pod", "alertmanager", 9095, false),
        new("still works: release jobs smoke-test a staged slot", "ci release job pod", "app api", 8080, true),
        new("release jobs reach the controllers", "ci release job pod", "arc controller", 8080, false),
        new("release jobs reach the controllers", "ci release job pod", "arc release controller", 8080, false),
        new("release jobs reach the controllers", "ci release job pod", "arc release listener", 8080, false),
        // Medium (issue #22, finding 4): release jobs shared ci with the pull request jobs; the release label alone opened the API and the gates.
        new("a ci pod with the release label reaches the API server", "ci pod labelled as a release job", "api server on a node", 6443, false),
        new("a ci pod with the release label reads the gate's inputs", "ci pod labelled as a release job", "prometheus", 9090, false),
        new("a ci pod with the release label smoke-tests a slot", "ci pod labelled as a release job", "app api", 8080, false),
        new("pull request jobs reach the release controller", "ci job pod", "arc release controller", 8080, false),
        new("still works: Prometheus scrapes the release controller", "prometheus", "arc release controller", 8080, true),
        new("still works: the release listener calls the API server", "arc release listener", "api server on a node", 6443, true),
        new("still works: the release controller calls GitHub", "arc release controller", "internet host", 443, true),
        new("still works: jobs fetch from the internet", "ci job pod", "internet host v6", 443, true),
        new("still works: jobs push through the gateway", "ci job pod", "envoy proxy", 10443, true),
        new("still works: runners drive job pods", "ci runner pod", "api server on a node", 6443, true),
        new("still works: runners talk to GitHub", "ci runner pod", "internet host", 443, true),
        new("runners reach the metadata service", "ci runner pod", "cloud metadata", 80, false),
        new("still works: the controller calls the API", "arc controller", "api server on a node", 6443, true),
        new("still works: listeners talk to GitHub", "arc listener", "internet host", 443, true),
        new("known limit: API egress is any address on 443/6443", "arc listener", "cloud metadata", 443, true),
        // Medium: monitoring was flat and could egress anywhere on 443 and 9100/10250.
        new("known limit: API egress is any address on 443/6443 (Loki's rules sidecar, issue #20)", "loki", "internet host", 443, true),
        new("monitoring stores egress to the internet", "loki", "internet host", 80, false),
        new("monitoring stores egress to the internet", "tempo", "internet host", 443, false),
        new("still works: Loki's rules sidecar loads the log alerts (issue #20)", "loki", "api server on a node", 6443, true),
        new("still works: Loki's ruler sends the log alerts (issue #20)", "loki", "alertmanager", 9093, true),
        new("Loki calls other monitoring pods", "loki", "grafana", 3000, false),
        new("Loki calls other monitoring pods", "loki", "prometheus", 9090, false),
        new("monitoring stores call the API server", "tempo", "api server on a node", 443, false),
        new("any monitoring pod scrapes the nodes", "grafana", "a node", 10250, false),
        new("any monitoring pod scrapes the nodes", "loki", "a node", 9100, false),
        new("known limit: API egress is any address on 443/6443", "grafana", "internet host", 443, true),
        new("known limit: API egress is any address on 443/6443", "prometheus", "internet host", 443, true),
        new("any monitoring pod egresses on 443", "otel collector", "internet host", 443, false),
        new("every pod talks to Loki", "otel collector", "loki", 3100, false),
        new("every pod talks to Loki", "tempo", "loki", 3100, false),
        new("every pod talks to Loki", "alertmanager", "loki", 3100, false),
        new("still works: Grafana queries Loki", "grafana", "loki", 3100, true),
        // Medium (issue #22, finding 8): the internet-facing Grafana reached every monitoring pod.
        new("Grafana reaches the operators beside it", "grafana", "trivy operator", 8080, false),
        new("Grafana reaches the operators beside it", "grafana", "otel collector", 4318, false),
        new("still works: Grafana queries Prometheus", "grafana", "prometheus", 9090, true),
        new("still works: Grafana queries Alertmanager", "grafana", "alertmanager", 9093, true),
        new("still works: Grafana queries Tempo", "grafana", "tempo", 3200, true),
        new("still works: Prometheus scrapes Grafana", "prometheus", "grafana", 3000, true),
        new("still works: Alloy pushes logs", "alloy", "loki", 3100, true),
        new("known limit: API egress is any address on 443/6443", "alloy", "internet host", 443, true),
        new("log collector egresses anywhere", "alloy", "internet host", 80, false),
        new("still works: Alloy discovers pods", "alloy", "api server on a node", 6443, true),
        new("still works: Prometheus scrapes kubelets", "prometheus", "a node", 10250, true),
        new("still works: Prometheus scrapes node-exporter", "prometheus", "a node", 9100, true),
        new("still works: alerts reach their webhooks", "alertmanager", "internet host", 443, true),
        new("alerts reach the metadata service", "alertmanager", "cloud metadata", 443, false),
        new("still works: trivy fetches its database", "trivy operator", "internet host", 443, true),
        new("still works: Grafana's sidecars read ConfigMaps", "grafana", "api server on a node", 6443, true),
        // Low: monitoring-wide ingress into apps/gateway/registry/ci, incl. the registry debug port.
        new("monitoring-wide ingress: registry debug port", "grafana", "registry", 5001, false),
        new("monitoring-wide ingress: registry debug port", "loki", "registry", 5001, false),
        new("monitoring-wide ingress: envoy admin/metrics", "grafana", "envoy proxy", 19001, false),
        new("monitoring-wide ingress: ci controllers", "alertmanager", "arc controller", 8080, false),
        new("monitoring-wide ingress: apps", "loki", "app api", 8080, false),
        new("still works: Prometheus scrapes the registry", "prometheus", "registry", 5001, true),
        new("still works: Prometheus scrapes the apps", "prometheus", "app api", 8080, true),
        new("still works: Prometheus scrapes the listeners", "prometheus", "arc listener", 8080, true),
        // Medium: Envoy could egress anywhere on 443/6443.
        new("envoy proxies egress anywhere", "envoy proxy", "internet host", 443, false),
        new("envoy proxies egress anywhere", "envoy proxy", "api server on a node", 6443, false),
        new("envoy proxies egress anywhere", "envoy proxy", "cloud metadata", 443, false),
        new("envoy proxies reach monitoring beyond Grafana", "envoy proxy", "prometheus", 9090, false),
        new("envoy proxies reach monitoring beyond Grafana", "envoy proxy", "loki", 3100, false),
        new("still works: the controller watches the API", "envoy controller", "api server on a node", 6443, true),
        new("still works: the proxies serve the apps", "envoy proxy", "app api", 8080, true),
        new("still works: the proxies serve Grafana", "envoy proxy", "grafana", 3000, true),
        new("still works: the proxies serve the registry", "envoy proxy", "registry", 5000, true),
        // Apps: declared callers and destinations only.
        new("still works: web calls api", "app web", "app api", 8080, true),
        new("apps call what they did not declare", "app api", "app web", 8080, false),
        new("still works: the API reaches its database", "app api", "the database subnet", 5432, true),
        new("apps reach the metadata service", "app api", "cloud metadata", 80, false),
        new("apps reach the internet", "app web", "internet host", 443, false),
        new("still works: apps send traces", "app api", "otel collector", 4318, true),
        new("apps reach the monitoring stores", "app api", "loki", 3100, false),
        new("apps reach the monitoring stores", "app api", "prometheus", 9090, false),
    ];

    private static readonly Lazy<NetworkReachability> Dev = new(() =>
    {
        var valid = Cluster.ClusterFixtures.Stack("dev");
        return NetworkReachability.Of(PlatformRenderer.Render(valid).Objects);
    });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_flow_is_allowed_or_denied_as_the_table_says_in_the_dev_stack(Row row) =>
        Assert.True(Dev.Value.CanReach(Endpoints[row.From], Endpoints[row.To], row.Port) == row.Allowed, row.ToString());

    /// <summary>GitLab's executor labels job pods itself; the release runner adds the release label, which a job cannot set.</summary>
    [Fact]
    public void Only_gitlab_release_jobs_reach_the_api_server()
    {
        var reach = NetworkReachability.Of(PlatformRenderer.Render(Ci.CiFixtures.GitLab().Valid(Tier.Dev)).Objects);
        var job = Pod(PlatformNamespaces.Ci, ("job.runner.gitlab.com/pod", "runner-abc-project-1-concurrent-0"));
        var releaseJob = Pod(PlatformNamespaces.CiRelease, [("job.runner.gitlab.com/pod", "runner-def-project-1-concurrent-0"), .. PlatformPods.ReleaseJobs.Select(l => (l.Key, l.Value))]);
        var labelledJob = Pod(PlatformNamespaces.Ci, [("job.runner.gitlab.com/pod", "runner-abc-project-1-concurrent-0"), .. PlatformPods.ReleaseJobs.Select(l => (l.Key, l.Value))]);

        Assert.False(reach.CanReach(job, Endpoints["api server on a node"], 6443));
        Assert.True(reach.CanReach(releaseJob, Endpoints["api server on a node"], 6443));
        Assert.False(reach.CanReach(labelledJob, Endpoints["api server on a node"], 6443));
        Assert.False(reach.CanReach(releaseJob, Endpoints["cloud metadata"], 80));
        Assert.True(reach.CanReach(job, Endpoints["internet host"], 443));
    }

    /// <summary>Issue #22, finding 9: with the API server's endpoints configured, API egress goes there only, not to any address on 443/6443.</summary>
    [Fact]
    public void Configured_api_server_endpoints_replace_any_address_on_443_and_6443()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"),
            ("ci:github:runnerGroup", "deployers"), ("ci:github:releaseRunnerGroup", "releasers"), ("cluster:apiServerEndpoints:0", "10.0.0.10/32:6443")),
            new Dictionary<string, string>(TestConfigs.Secrets()) { ["ci:github:token"] = "t", ["ci:github:release:token"] = "r" });
        Assert.Empty(config.Errors);
        var reach = NetworkReachability.Of(PlatformRenderer.Render(config.Config.Valid(Tier.Dev)).Objects);

        foreach (var pod in new[] { "arc listener", "arc release listener", "arc release controller", "ci runner pod", "ci release job pod", "loki", "grafana", "alloy", "envoy controller" })
        {
            Assert.True(reach.CanReach(Endpoints[pod], Endpoints["api server on a node"], 6443), pod);
            Assert.False(reach.CanReach(Endpoints[pod], Endpoints["cloud metadata"], 443), pod);
            Assert.False(reach.CanReach(Endpoints[pod], Endpoints["a node"], 6443), pod);
        }
        // These call nothing outside but the API server (CI pods still reach GitHub, any public host, on 443).
        foreach (var pod in new[] { "loki", "grafana", "alloy", "envoy controller" })
        {
            Assert.False(reach.CanReach(Endpoints[pod], Endpoints["internet host"], 443), pod);
            Assert.False(reach.CanReach(Endpoints[pod], Endpoints["managed api endpoint"], 443), pod);
        }
    }

    [Fact]
    public void The_evaluator_follows_kubernetes_semantics()
    {
        var objects = new[]
        {
            Manifest.Object("v1", "Namespace", "a", null, new Dictionary<string, string> { ["team"] = "x" }),
            Policy("a", "only-web-in", Manifest.Map(("podSelector", Manifest.Map(("matchLabels", Manifest.Map(("app", "web")))))), ["Ingress"],
                ingress: [Manifest.Map(
                    ("from", Manifest.List(Manifest.Map(
                        ("namespaceSelector", Manifest.Map(("matchLabels", Manifest.Map(("team", "x"))))),
                        ("podSelector", Manifest.Map(("matchLabels", Manifest.Map(("role", "client")))))))),
                    ("ports", Manifest.List(Manifest.Map(("port", "http")))))]),
            Policy("a", "egress-ipblock", Manifest.Map(("podSelector", Manifest.Map(("matchLabels", Manifest.Map(("role", "client")))))), ["Egress"],
                egress: [Manifest.Map(("to", Manifest.List(Manifest.Map(("ipBlock", Manifest.Map(("cidr", "10.0.0.0/8"), ("except", Manifest.List("10.1.0.0/16")))))))),
                         Manifest.Map(
                             ("to", Manifest.List(Manifest.Map(("podSelector", Manifest.Map())))),
                             ("ports", Manifest.List(Manifest.Map(("port", 8000), ("endPort", 8100)))))]),
        };
        var reach = NetworkReachability.Of(objects);
        var web = new Endpoint.Pod("a", new Dictionary<string, string> { ["app"] = "web" }, new Dictionary<string, int> { ["http"] = 8080 });
        var client = new Endpoint.Pod("a", new Dictionary<string, string> { ["role"] = "client" });
        var otherClient = new Endpoint.Pod("b", new Dictionary<string, string> { ["role"] = "client" });
        var unselected = new Endpoint.Pod("a", new Dictionary<string, string> { ["app"] = "other" });

        Assert.True(reach.CanReach(client, web, 8080)); // named port resolved on the destination, endPort range for egress
        Assert.False(reach.CanReach(client, web, 9090)); // port not the named one (and not in the egress range)
        Assert.False(reach.CanReach(otherClient, web, 8080)); // namespaceSelector AND podSelector: wrong namespace
        Assert.False(reach.CanReach(unselected, web, 8080)); // right namespace, wrong pod
        Assert.True(reach.CanReach(unselected, client, 1)); // no policy selects either direction: open
        Assert.True(reach.CanReach(client, new Endpoint.Address("10.2.0.1"), 1));
        Assert.False(reach.CanReach(client, new Endpoint.Address("10.1.2.3"), 1)); // except
        Assert.False(reach.CanReach(client, new Endpoint.Address("192.168.0.1"), 1));
        Assert.True(reach.CanReach(client, unselected, 8050));
        Assert.False(reach.CanReach(client, unselected, 8101));
        Assert.False(reach.CanReach(client, web, 8080, "UDP"));
    }

    private static KubernetesObject Policy(string @namespace, string name, OrderedDictionary<string, object?> spec, string[] types,
        OrderedDictionary<string, object?>[]? ingress = null, OrderedDictionary<string, object?>[]? egress = null)
    {
        spec["policyTypes"] = Manifest.ListOf(types);
        if (ingress is not null)
            spec["ingress"] = Manifest.ListOf(ingress);
        if (egress is not null)
            spec["egress"] = Manifest.ListOf(egress);
        return Manifest.Object("networking.k8s.io/v1", "NetworkPolicy", name, @namespace, new Dictionary<string, string>(), ("spec", spec));
    }
}
