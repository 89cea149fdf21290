using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class GatewayTests
{
    private static IReadOnlyList<KubernetesObject> Render(Tier tier) => ClusterBaseline.Render(Dev(), tier).Objects;

    private static OrderedDictionary<string, object?> Listener(IReadOnlyList<KubernetesObject> objects, string name) =>
        Items(Spec(Single(objects, "Gateway", ClusterGateway.Namespace, ClusterGateway.Name))["listeners"]).Select(Map).Single(l => (string)l["name"]! == name);

    [Fact]
    public void The_gateway_class_is_served_by_envoy_gateway_and_the_gateway_uses_it()
    {
        var objects = Render(Tier.Dev);

        Assert.Equal("gateway.envoyproxy.io/gatewayclass-controller", Spec(Single(objects, "GatewayClass", "", ClusterGateway.ClassName))["controllerName"]);
        Assert.Equal(ClusterGateway.ClassName, Spec(Single(objects, "Gateway", "gateway", "platform"))["gatewayClassName"]);
    }

    [Fact]
    public void Each_host_gets_its_own_https_listener_taking_routes_only_from_the_namespace_that_owns_it()
    {
        var objects = Render(Tier.Prod);
        var gateway = Single(objects, "Gateway", ClusterGateway.Namespace, ClusterGateway.Name);
        var https = Items(Spec(gateway)["listeners"]).Select(Map).Where(l => (string)l["protocol"]! == "HTTPS").ToList();

        // Every claimed host (registry, Grafana, apps with a host) has a listener, in the claims' order.
        Assert.Equal(GatewayHosts.Of(Dev()).Select(c => c.Host), https.Select(l => (string)l["hostname"]!));
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
        var rendering = Delivery.Core.Platform.PlatformRenderer.Render(config, Tier.Prod);
        var listeners = Items(Spec(Single(rendering.Objects, "Gateway", ClusterGateway.Namespace, ClusterGateway.Name))["listeners"]).Select(Map).ToList();

        Assert.All(listeners.Where(l => (string)l["protocol"]! == "HTTPS"), l => Assert.True(l.ContainsKey("hostname")));
        foreach (var route in rendering.Objects.Where(o => o.Kind == "HTTPRoute" && o.Namespace != ClusterGateway.Namespace))
        {
            var host = (string)Items(Spec(route)["hostnames"]).Single()!;
            var parent = Map(Items(Spec(route)["parentRefs"]).Single());
            Assert.Equal(ClusterGateway.HttpsListenerFor(host), parent["sectionName"]);
            Assert.Equal(route.Namespace, GatewayHosts.Of(config).Single(c => c.Host == host).Namespace);
        }
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
        var chart = Assert.Single(ClusterBaseline.Render(Dev(), Tier.Dev).Charts);

        Assert.Equal("oci://docker.io/envoyproxy/gateway-helm", chart.Chart);
        Assert.Matches(@"^v\d+\.\d+\.\d+$", chart.Version);
        Assert.Equal(PlatformNamespaces.Gateway, chart.Namespace);
    }
}
