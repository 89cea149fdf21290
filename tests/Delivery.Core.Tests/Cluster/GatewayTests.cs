using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class GatewayTests
{
    private static IReadOnlyList<KubernetesObject> Render(Tier tier) => ClusterBaselineRenderer.Render(Dev().Valid(tier)).Objects;

    /// <summary>Every listener of every Gateway, with the Gateway that holds it.</summary>
    private static List<(string Gateway, OrderedDictionary<string, object?> Listener)> Listeners(IEnumerable<KubernetesObject> objects) =>
        [.. objects.Where(o => o.Kind == "Gateway").SelectMany(g => Items(Spec(g)["listeners"]).Select(l => (g.Name, Map(l))))];

    private static OrderedDictionary<string, object?> Listener(IReadOnlyList<KubernetesObject> objects, string name) =>
        Listeners(objects).Single(l => (string)l.Listener["name"]! == name).Listener;

    [Fact]
    public void The_gateway_class_is_served_by_envoy_gateway_merging_its_gateways_into_one_envoy_fleet()
    {
        var objects = Render(Tier.Dev);
        var gatewayClass = Spec(Single(objects, "GatewayClass", "", ClusterGateway.ClassName));
        var parameters = Map(gatewayClass["parametersRef"]);
        var proxy = Single(objects, "EnvoyProxy", ClusterGateway.Namespace, ClusterGateway.ProxyName);

        Assert.Equal("gateway.envoyproxy.io/gatewayclass-controller", gatewayClass["controllerName"]);
        Assert.Equal(("gateway.envoyproxy.io", "EnvoyProxy", "platform", "gateway"), ((string)parameters["group"]!, (string)parameters["kind"]!, (string)parameters["name"]!, (string)parameters["namespace"]!));
        Assert.Equal("gateway.envoyproxy.io/v1alpha1", proxy.Body["apiVersion"]);
        Assert.Equal(true, Spec(proxy)["mergeGateways"]);
        Assert.All(objects.Where(o => o.Kind == "Gateway"), g => Assert.Equal(ClusterGateway.ClassName, Spec(g)["gatewayClassName"]));
    }

    [Fact]
    public void Each_host_gets_its_own_https_listener_on_its_hosts_gateway_taking_routes_only_from_the_namespace_that_owns_it()
    {
        var objects = Render(Tier.Prod);
        var https = Listeners(objects).Where(l => (string)l.Listener["protocol"]! == "HTTPS").ToList();

        // Every claimed host (registry, Grafana, apps with a host) has a listener, on the Gateway its name hashes to.
        Assert.Equal(GatewayHosts.Of(Dev()).Select(c => c.Host).Order(), https.Select(l => (string)l.Listener["hostname"]!).Order());
        Assert.All(https, l => Assert.Equal(GatewayShards.GatewayOf((string)l.Listener["hostname"]!), l.Gateway));
        Assert.DoesNotContain(https, l => l.Gateway == ClusterGateway.Name);
        foreach (var claim in GatewayHosts.Of(Dev()))
        {
            var listener = Listener(objects, ClusterGateway.HttpsListenerFor(claim.Host));
            Assert.Equal((443, claim.Host), ((int)listener["port"]!, (string)listener["hostname"]!));
            Assert.Equal("Terminate", Map(listener["tls"])["mode"]);
            Assert.Equal("platform-tls", Map(Items(Map(listener["tls"])["certificateRefs"]).Single())["name"]);
            var namespaces = Map(Map(listener["allowedRoutes"])["namespaces"]);
            Assert.Equal("Selector", namespaces["from"]);
            Assert.Equal(claim.Namespace, Map(Map(namespaces["selector"])["matchLabels"])["kubernetes.io/metadata.name"]);
        }
        Assert.Matches("^https-[0-9a-f]{12}$", ClusterGateway.HttpsListenerFor("shop.example.com"));
    }

    [Fact]
    public void A_route_attaches_to_its_own_hosts_listener_and_no_listener_is_without_a_hostname()
    {
        var config = Dev();
        var rendering = Delivery.Core.Platform.PlatformRenderer.Render(config.Valid(Tier.Prod));
        var listeners = Listeners(rendering.Objects);

        Assert.All(listeners.Where(l => (string)l.Listener["protocol"]! == "HTTPS"), l => Assert.True(l.Listener.ContainsKey("hostname")));
        foreach (var route in rendering.Objects.Where(o => o.Kind == "HTTPRoute" && o.Namespace != ClusterGateway.Namespace))
        {
            var host = (string)Items(Spec(route)["hostnames"]).Single()!;
            var parent = Map(Items(Spec(route)["parentRefs"]).Single());
            Assert.Equal(ClusterGateway.HttpsListenerFor(host), parent["sectionName"]);
            Assert.Contains(listeners, l => l.Gateway == (string)parent["name"]! && (string)l.Listener["name"]! == ClusterGateway.HttpsListenerFor(host));
            Assert.Equal(route.Namespace, GatewayHosts.Of(config).Single(c => c.Host == host).Namespace);
        }
    }

    /// <summary>Merged Gateways must not repeat a port, protocol and hostname (Envoy Gateway v1.6.3 validateConflictedMergedListeners).</summary>
    [Fact]
    public void No_two_listeners_of_the_merged_gateways_share_a_port_protocol_and_hostname()
    {
        var listeners = Listeners(Delivery.Core.Platform.PlatformRenderer.Render(ManyHosts(300).Valid(Tier.Prod)).Objects);

        Assert.Equal(listeners.Count, listeners.DistinctBy(l => (l.Listener["port"], l.Listener["protocol"], l.Listener.GetValueOrDefault("hostname"))).Count());
        Assert.Single(listeners, l => (string)l.Listener["protocol"]! == "HTTP");
        Assert.All(listeners.GroupBy(l => l.Gateway), g => Assert.InRange(g.Count(), 1, GatewayShards.ListenersPerGateway));
    }

    [Fact]
    public void Adding_or_removing_an_app_moves_no_other_hosts_listener()
    {
        static Dictionary<string, string> GatewayOfEachHost(DeliveryConfig config) =>
            Listeners(GatewayObjects.Render(config.Valid(Tier.Prod))).Where(l => l.Listener.ContainsKey("hostname")).ToDictionary(l => (string)l.Listener["hostname"]!, l => l.Gateway);
        var before = GatewayOfEachHost(ManyHosts(200));
        var after = GatewayOfEachHost(ManyHosts(201));

        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(before, host => Assert.Equal(host.Value, after[host.Key]));
    }

    /// <summary>The dev fixture with <paramref name="count"/> more apps, each with its own host.</summary>
    private static DeliveryConfig ManyHosts(int count)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With([.. Enumerable.Range(0, count).SelectMany(i => new (string, string?)[]
        {
            ($"apps:a{i}:image", "shop/a"), ($"apps:a{i}:blue", "1.0.0"), ($"apps:a{i}:live", "blue"), ($"apps:a{i}:host", $"a{i}.example.com"),
        })]));
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return loaded.Config;
    }

    [Fact]
    public void Outside_local_plain_http_only_redirects_to_https()
    {
        var objects = Render(Tier.Staging);
        var redirect = Single(objects, "HTTPRoute", "gateway", ClusterGateway.HttpsRedirectRoute);
        var parent = Map(Items(Spec(redirect)["parentRefs"]).Single());
        var filter = Map(Items(Map(Items(Spec(redirect)["rules"]).Single())["filters"]).Single());

        Assert.Equal("Same", Map(Map(Listener(objects, "http")["allowedRoutes"])["namespaces"])["from"]);
        Assert.Equal((ClusterGateway.Name, ClusterGateway.HttpListener), ((string)parent["name"]!, (string)parent["sectionName"]!));
        Assert.Equal("https", Map(filter["requestRedirect"])["scheme"]);
    }

    [Fact]
    public void Locally_plain_http_takes_routes_because_there_is_usually_no_certificate()
    {
        var objects = Render(Tier.Local);

        Assert.Equal("Selector", Map(Map(Listener(objects, "http")["allowedRoutes"])["namespaces"])["from"]);
        Assert.DoesNotContain(objects, o => o.Kind == "HTTPRoute");
    }

    [Fact]
    public void Envoy_gateway_is_a_pinned_chart_in_the_gateway_namespace()
    {
        var chart = Assert.Single(ClusterBaselineRenderer.Render(Dev().Valid(Tier.Dev)).Charts);

        Assert.Equal("oci://docker.io/envoyproxy/gateway-helm", chart.Chart);
        Assert.Matches(@"^v\d+\.\d+\.\d+$", chart.Version);
        Assert.Equal(PlatformNamespaces.Gateway, chart.Namespace);
    }
}
