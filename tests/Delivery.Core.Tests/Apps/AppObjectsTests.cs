using Delivery.Bench;
using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model.Values;
using Delivery.Core.Tests.Tools;
using Delivery.Core.Validation;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Apps;

public sealed class AppObjectsTests
{
    public static TheoryData<string> Stacks() => [.. AppFixtures.StackNames];

    [Fact]
    public void A_prod_app_with_everything_renders_the_expected_thirteen()
    {
        var loaded = TestConfigs.Load(AppFixtures.Prod().With(("apps:api:autoscaling:maxReplicas", "6")), AppFixtures.ProdSecrets);

        var objects = AppRenderer.Render(loaded.Valid(), "api").Objects;

        Assert.Equal(
            [
                "ServiceAccount/apps/api", "Deployment/apps/api-blue", "HorizontalPodAutoscaler/apps/api-blue", "Deployment/apps/api-green", "HorizontalPodAutoscaler/apps/api-green",
                "Service/apps/api", "Service/apps/api-blue", "Service/apps/api-green", "HTTPRoute/apps/api", "PodDisruptionBudget/apps/api",
                "NetworkPolicy/apps/api", "ServiceMonitor/apps/api", "PrometheusRule/apps/api-slo",
            ],
            objects.Select(o => o.Id));
        Assert.True(objects.Count <= 13);
    }

    [Fact]
    public void A_slot_without_a_version_has_no_deployment_and_dev_has_no_budget()
    {
        var objects = AppFixtures.Objects(TestConfigs.ValidDev());

        Assert.DoesNotContain(objects, o => o.Id == "Deployment/apps/web-green");
        Assert.Contains(objects, o => o.Id == "Service/apps/web-green");
        Assert.DoesNotContain(objects, o => o.Kind == "PodDisruptionBudget");
        Assert.DoesNotContain(objects, o => o.Kind == "HTTPRoute" && o.Name == "web");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_object_carries_the_standard_labels_and_only_slot_workloads_carry_the_release(string stack)
    {
        var loaded = AppFixtures.Stack(stack);

        foreach (var obj in AppFixtures.Objects(loaded))
        {
            foreach (var label in new[] { StandardLabels.Name, StandardLabels.Instance, StandardLabels.Component, StandardLabels.PartOf, StandardLabels.ManagedBy })
                Assert.True(obj.Labels.ContainsKey(label), $"{obj.Id} lacks {label}");
            var isWorkload = obj.Kind == "Deployment";
            Assert.Equal(isWorkload, obj.Labels.ContainsKey(StandardLabels.Version));
            Assert.Equal(isWorkload, obj.Labels.ContainsKey(StandardLabels.Release));
            if (!isWorkload)
                continue;
            var podLabels = (OrderedDictionary<string, object?>)AppFixtures.At(obj, "spec", "template", "metadata", "labels")!;
            var app = obj.Labels[StandardLabels.Name]!.ToString()!;
            var slot = obj.Name.EndsWith("-blue", StringComparison.Ordinal) ? Model.Slot.Blue : Model.Slot.Green;
            Assert.Equal(ReleaseId.Of(loaded.Valid(), app, slot), podLabels[StandardLabels.Release]);
            Assert.Equal(obj.Labels[StandardLabels.Release], podLabels[StandardLabels.Release]);
            Assert.Equal(obj.Labels[StandardLabels.Version], podLabels[StandardLabels.Version]);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_deployment_passes_the_restricted_pod_security_standard(string stack)
    {
        var deployments = AppFixtures.Objects(AppFixtures.Stack(stack)).Where(o => o.Kind == "Deployment").ToList();

        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
            Assert.Empty(RestrictedPodSecurity.Violations((OrderedDictionary<string, object?>)AppFixtures.At(deployment, "spec", "template", "spec")!));
    }

    [Fact]
    public void The_pod_security_check_catches_each_violation()
    {
        var pod = Map(
            ("hostNetwork", true),
            ("containers", List(Map(("name", "bad"), ("securityContext", Map(("privileged", true), ("capabilities", Map(("add", List("SYS_ADMIN")))))),
                ("ports", List(Map(("containerPort", 80), ("hostPort", 80))))))),
            ("volumes", List(Map(("name", "host"), ("hostPath", Map(("path", "/")))))));

        Assert.Equal(
            [
                "hostNetwork is true", "volume host is of type hostPath", "bad: privileged", "bad: allowPrivilegeEscalation is not false",
                "bad: runAsNonRoot is not true", "bad: seccompProfile is not RuntimeDefault or Localhost", "bad: capabilities do not drop ALL",
                "bad: adds capabilities beyond NET_BIND_SERVICE", "bad: uses a hostPort",
            ],
            RestrictedPodSecurity.Violations(pod));
    }

    [Fact]
    public void The_live_service_waits_for_the_live_deployment_and_selects_the_live_slot()
    {
        var service = AppFixtures.Find(AppFixtures.Objects(TestConfigs.ValidDev()), "Service/apps/api");

        Assert.Equal("apps/namespaces/apps/Deployment/api-green", service.Annotations[DependsOn.Annotation]);
        Assert.Equal("green", ((OrderedDictionary<string, object?>)AppFixtures.At(service, "spec", "selector")!)[StandardLabels.SlotLabel]);
    }

    [Fact]
    public void Deployments_pin_the_slot_image_and_keep_full_idle_replicas_by_default()
    {
        var objects = AppFixtures.Objects(TestConfigs.ValidDev().With(("apps:api:replicas", "2")));

        var blue = AppFixtures.Find(objects, "Deployment/apps/api-blue");
        Assert.Equal("registry.dev.example.com/shop/api:1.4.2", AppFixtures.At(blue, "spec", "template", "spec", "containers", 0, "image"));
        Assert.Equal(2, AppFixtures.At(blue, "spec", "replicas"));
        Assert.Equal("/healthz", AppFixtures.At(blue, "spec", "template", "spec", "containers", 0, "readinessProbe", "httpGet", "path"));
        Assert.Equal("registry-pull", AppFixtures.At(blue, "spec", "template", "spec", "imagePullSecrets", 0, "name"));
    }

    [Fact]
    public void Pods_send_traces_to_the_platform_collector_only_when_monitoring_is_on()
    {
        static string? Endpoint(Dictionary<string, string?> config)
        {
            var env = (List<object?>)AppFixtures.At(AppFixtures.Find(AppFixtures.Objects(config), "Deployment/apps/api-blue"), "spec", "template", "spec", "containers", 0, "env")!;
            return env.Cast<OrderedDictionary<string, object?>>().SingleOrDefault(e => (string)e["name"]! == "OTEL_EXPORTER_OTLP_ENDPOINT")?["value"] as string;
        }

        Assert.Equal(Delivery.Core.Monitoring.MonitoringCharts.OtlpHttpEndpoint, Endpoint(TestConfigs.ValidDev()));
        // Only a tier whose releases are not gated may turn monitoring off.
        Assert.Null(Endpoint(TestConfigs.ValidDev().With(("environment", "local"), ("monitoring:enabled", "false"))));
    }

    [Fact]
    public void A_digest_version_is_pulled_by_digest()
    {
        var digest = "sha256:" + new string('c', 64);

        var blue = AppFixtures.Find(AppFixtures.Objects(TestConfigs.ValidDev().With(("apps:api:blue", digest))), "Deployment/apps/api-blue");

        Assert.Equal($"registry.dev.example.com/shop/api@{digest}", AppFixtures.At(blue, "spec", "template", "spec", "containers", 0, "image"));
    }

    [Fact]
    public void Prod_spreads_pods_and_autoscaled_deployments_leave_replicas_to_the_autoscaler()
    {
        var loaded = TestConfigs.Load(AppFixtures.Prod().With(("apps:api:autoscaling:maxReplicas", "6"), ("apps:api:idleReplicas", "0")), AppFixtures.ProdSecrets);
        var objects = AppRenderer.Render(loaded.Valid(), "api").Objects;

        var live = AppFixtures.Find(objects, "Deployment/apps/api-green");
        Assert.Null(AppFixtures.At(live, "spec", "replicas"));
        Assert.NotNull(AppFixtures.At(live, "spec", "template", "spec", "topologySpreadConstraints"));
        Assert.Equal(3, AppFixtures.At(AppFixtures.Find(objects, "HorizontalPodAutoscaler/apps/api-green"), "spec", "minReplicas"));
        Assert.DoesNotContain(objects, o => o.Id == "HorizontalPodAutoscaler/apps/api-blue");
    }

    [Fact]
    public void The_network_policy_admits_the_envoy_proxies_prometheus_and_callers_only()
    {
        var policy = AppFixtures.Find(AppFixtures.Objects(TestConfigs.ValidDev()), "NetworkPolicy/apps/api");

        // Issue #22, finding 9: not the whole gateway and monitoring namespaces.
        var from = YamlWriter.Write(AppFixtures.At(policy, "spec", "ingress", 0, "from")!);
        Assert.Equal(
            "- namespaceSelector:\n    matchLabels:\n      kubernetes.io/metadata.name: gateway\n" +
            "  podSelector:\n    matchLabels:\n      app.kubernetes.io/component: proxy\n      app.kubernetes.io/managed-by: envoy-gateway\n      app.kubernetes.io/name: envoy\n" +
            "- namespaceSelector:\n    matchLabels:\n      kubernetes.io/metadata.name: monitoring\n" +
            "  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: prometheus\n" +
            "- podSelector:\n    matchLabels:\n      app.kubernetes.io/name: web\n",
            from);
        var webEgress = YamlWriter.Write(AppFixtures.At(AppFixtures.Find(AppFixtures.Objects(TestConfigs.ValidDev()), "NetworkPolicy/apps/web"), "spec", "egress", 0)!);
        Assert.Contains("app.kubernetes.io/name: api", webEgress, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue #22, finding 9: with <c>metricsPort</c>, the app serves metrics on a port no route and
    /// no Service port the Gateway uses exposes; only Prometheus reaches it, and Prometheus nothing else.
    /// </summary>
    [Fact]
    public void A_metrics_port_of_its_own_is_scraped_by_prometheus_alone()
    {
        var config = TestConfigs.ValidDev().With(("apps:api:metricsPort", "9102"));
        var objects = Delivery.Core.Platform.PlatformRenderer.Render(TestConfigs.Load(config).Valid()).Objects;
        var reach = Security.NetworkReachability.Of(objects);
        var api = new Security.Endpoint.Pod(PlatformNamespaces.Apps, new Dictionary<string, string> { [StandardLabels.Name] = "api" },
            new Dictionary<string, int> { [AppObjectNames.HttpPort] = 8080, [AppObjectNames.MetricsPort] = 9102 });
        var prometheus = new Security.Endpoint.Pod(PlatformNamespaces.Monitoring, Delivery.Core.Network.PlatformPods.Prometheus);
        var envoy = new Security.Endpoint.Pod(PlatformNamespaces.Gateway, Delivery.Core.Network.PlatformPods.EnvoyProxy);
        var web = new Security.Endpoint.Pod(PlatformNamespaces.Apps, new Dictionary<string, string> { [StandardLabels.Name] = "web" });

        Assert.True(reach.CanReach(prometheus, api, 9102));
        Assert.False(reach.CanReach(prometheus, api, 8080));
        Assert.False(reach.CanReach(envoy, api, 9102));
        Assert.False(reach.CanReach(web, api, 9102));
        Assert.True(reach.CanReach(envoy, api, 8080));
        Assert.True(reach.CanReach(web, api, 8080));

        var monitor = AppFixtures.Find(objects, "ServiceMonitor/apps/api");
        Assert.Equal(AppObjectNames.MetricsPort, AppFixtures.At(monitor, "spec", "endpoints", 0, "port"));
        var deployment = objects.First(o => o.Kind == "Deployment" && o.Name.StartsWith("api-", StringComparison.Ordinal));
        var ports = (List<object?>)AppFixtures.At(deployment, "spec", "template", "spec", "containers", 0, "ports")!;
        Assert.Contains(ports, p => Equals(((OrderedDictionary<string, object?>)p!)["containerPort"], 9102));
    }

    [Fact]
    public void Declared_outside_destinations_are_the_only_egress_beyond_the_cluster()
    {
        var policy = AppFixtures.Find(AppFixtures.Objects(TestConfigs.ValidDev().With(("apps:web:egress:0", "10.20.0.0/16:5432"), ("apps:web:egress:1", "203.0.113.0/24:443"))), "NetworkPolicy/apps/web");

        var egress = YamlWriter.Write(AppFixtures.At(policy, "spec", "egress")!);
        Assert.Contains("- to:\n    - ipBlock:\n        cidr: \"10.20.0.0/16\"\n  ports:\n    - protocol: TCP\n      port: 5432\n", egress, StringComparison.Ordinal);
        Assert.Contains("cidr: \"203.0.113.0/24\"", egress, StringComparison.Ordinal);
        Assert.Equal(4, ((List<object?>)AppFixtures.At(policy, "spec", "egress")!).Count); // api, two destinations, the collector
    }

    [Fact]
    public void Names_stay_within_kubernetes_limits_for_the_longest_app_name()
    {
        var name = "a" + new string('b', 56);
        var config = TestConfigs.ValidDev().With(($"apps:{name}:image", "shop/long"), ($"apps:{name}:blue", "1.0.0"), ($"apps:{name}:green", "1.0.1"),
            ($"apps:{name}:live", "blue"), ($"apps:{name}:host", "long.example.com"));

        var objects = AppFixtures.Objects(config).Where(o => o.Labels[StandardLabels.Name]!.ToString() == name).ToList();

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.True(o.Name.Length <= 63, o.Id));
        Assert.All(objects.SelectMany(o => o.Labels.Values), v => Assert.True(LabelValues.IsValid(v!.ToString()!), v!.ToString()));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Committed_stacks_render_objects_that_pass_the_real_schemas_and_yamllint(string stack)
    {
        var objects = AppFixtures.Objects(AppFixtures.Stack(stack));

        SchemaCheck.AssertValid(objects);
        YamlLint.AssertClean(YamlWriter.WriteAll(objects));
    }

    [Fact]
    public void A_generated_hundred_app_stack_passes_the_real_schemas()
    {
        var loaded = DeliveryConfigLoader.Load(SyntheticStack.Generate(100), TestConfigs.NoEnvironment);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors.Take(5)));

        var objects = AppFixtures.Objects(loaded);

        Assert.True(objects.Count >= 800, $"{objects.Count} objects: at least 8 per app expected");
        SchemaCheck.AssertValid(objects);
        Assert.All(objects.Where(o => o.Kind == "Deployment"),
            d => Assert.Empty(RestrictedPodSecurity.Violations((OrderedDictionary<string, object?>)AppFixtures.At(d, "spec", "template", "spec")!)));
    }
}
