using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Network;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// The objects of the <see cref="ClusterGateway"/> in the cluster baseline: the GatewayClass, its
/// EnvoyProxy, the Gateway <c>platform</c> with the http listener, one host Gateway per shard and the
/// https redirect.
/// </summary>
public static class GatewayObjects
{
    public static IReadOnlyList<KubernetesObject> Render(ValidStack stack)
    {
        var plainHttp = stack.Profile.ServesPlainHttp;
        // Outside plain-http tiers only the redirect below attaches here.
        var http = Map(("name", ClusterGateway.HttpListener), ("protocol", "HTTP"), ("port", 80), ("allowedRoutes", plainHttp ? FromRoutedNamespaces() : FromGatewayNamespace()));
        var objects = new List<KubernetesObject>
        {
            Manifest.Object("gateway.networking.k8s.io/v1", "GatewayClass", ClusterGateway.ClassName, null, Labels(ClusterGateway.ClassName),
                ("spec", Map(("controllerName", ClusterGateway.ControllerName),
                    ("parametersRef", Map(("group", "gateway.envoyproxy.io"), ("kind", "EnvoyProxy"), ("name", ClusterGateway.ProxyName), ("namespace", ClusterGateway.Namespace)))))),
            // Envoy Gateway's api/v1alpha1 EnvoyProxySpec.MergeGateways: every Gateway of the class on one Envoy Deployment and Service.
            Manifest.Object("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", ClusterGateway.ProxyName, ClusterGateway.Namespace, Labels(ClusterGateway.ProxyName),
                ("spec", Map(("mergeGateways", true)))),
            Gateway(ClusterGateway.Name, [http]),
        };
        // Merged Gateways must not repeat a port, protocol and hostname: the http listener is on platform only.
        foreach (var (gateway, hosts) in GatewayShards.Of(GatewayHosts.Of(stack.Config)))
        {
            objects.Add(Gateway(gateway, [.. hosts.Select(claim => (object?)Map(
                ("name", ClusterGateway.HttpsListenerFor(claim.Host)), ("protocol", "HTTPS"), ("port", 443), ("hostname", claim.Host),
                ("tls", Map(("mode", "Terminate"), ("certificateRefs", List(Map(("kind", "Secret"), ("name", ClusterGateway.TlsSecretName)))))),
                ("allowedRoutes", FromNamespace(claim.Namespace))))]));
        }
        if (!plainHttp)
            objects.Add(HttpsRedirect());
        return objects;
    }

    private static KubernetesObject Gateway(string name, List<object?> listeners) =>
        Manifest.Object("gateway.networking.k8s.io/v1", "Gateway", name, ClusterGateway.Namespace, Labels(name),
            ("spec", Map(("gatewayClassName", ClusterGateway.ClassName), ("listeners", listeners))));

    private static OrderedDictionary<string, object?> FromNamespace(string @namespace) =>
        Map(("namespaces", Map(("from", "Selector"), ("selector", Map(("matchLabels", Map(("kubernetes.io/metadata.name", @namespace))))))));

    private static OrderedDictionary<string, object?> FromRoutedNamespaces() =>
        Map(("namespaces", Map(("from", "Selector"), ("selector", Map(("matchLabels", Map((ClusterGateway.RoutesLabel, ClusterGateway.RoutesLabelValue))))))));

    private static OrderedDictionary<string, object?> FromGatewayNamespace() => Map(("namespaces", Map(("from", "Same"))));

    /// <summary>Every plain-http request is answered with a permanent redirect to https.</summary>
    private static KubernetesObject HttpsRedirect() =>
        Manifest.Object("gateway.networking.k8s.io/v1", "HTTPRoute", ClusterGateway.HttpsRedirectRoute, ClusterGateway.Namespace, Labels(ClusterGateway.HttpsRedirectRoute),
            ("spec", Map(
                ("parentRefs", List(Map(("name", ClusterGateway.Name), ("namespace", ClusterGateway.Namespace), ("sectionName", ClusterGateway.HttpListener)))),
                ("rules", List(Map(("filters", List(Map(
                    ("type", "RequestRedirect"),
                    ("requestRedirect", Map(("scheme", "https"), ("statusCode", 301))))))))))));

    private static SortedDictionary<string, string> Labels(string name) => StandardLabels.Shared(name, ClusterBaselineRenderer.Component);
}
