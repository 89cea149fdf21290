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
    public void Https_terminates_tls_with_the_platform_certificate_and_takes_routes_from_the_labelled_namespaces()
    {
        var https = Listener(Render(Tier.Prod), "https");

        Assert.Equal((443, "HTTPS"), ((int)https["port"]!, (string)https["protocol"]!));
        Assert.Equal("Terminate", Map(https["tls"])["mode"]);
        Assert.Equal("platform-tls", Map(Items(Map(https["tls"])["certificateRefs"]).Single())["name"]);
        var namespaces = Map(Map(https["allowedRoutes"])["namespaces"]);
        Assert.Equal("Selector", namespaces["from"]);
        Assert.Equal(ClusterGateway.RoutesLabelValue, Map(Map(namespaces["selector"])["matchLabels"])[ClusterGateway.RoutesLabel]);
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
        Assert.Equal([ClusterGateway.HttpsListener], ClusterGateway.RouteListeners(Tier.Staging));
    }

    [Fact]
    public void Locally_plain_http_takes_routes_because_there_is_usually_no_certificate()
    {
        var objects = Render(Tier.Local);

        Assert.Equal("Selector", Map(Map(Listener(objects, "http")["allowedRoutes"])["namespaces"])["from"]);
        Assert.DoesNotContain(objects, o => o.Kind == "HTTPRoute");
        Assert.Equal([ClusterGateway.HttpListener, ClusterGateway.HttpsListener], ClusterGateway.RouteListeners(Tier.Local));
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
