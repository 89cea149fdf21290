using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// The cluster's one Gateway API entry point, served by Envoy Gateway. This is the contract for
/// everything that is reachable from outside: an HTTPRoute in a routed namespace attaches with
/// <c>parentRefs: [{name: platform, namespace: gateway, sectionName: https}]</c>.
/// </summary>
public static class ClusterGateway
{
    public const string Name = "platform";
    public const string Namespace = PlatformNamespaces.Gateway;
    public const string HttpListener = "http";
    public const string HttpsListener = "https";
    public const string ClassName = "envoy-gateway";

    /// <summary>Envoy Gateway's controller name (its chart's <c>config.envoyGateway.gateway.controllerName</c> default).</summary>
    public const string ControllerName = "gateway.envoyproxy.io/gatewayclass-controller";

    /// <summary>
    /// The TLS certificate the https listener serves, a kubernetes.io/tls Secret in the gateway
    /// namespace for the platform's host names. It comes from the operator or cert-manager, not
    /// from this program.
    /// </summary>
    public const string TlsSecretName = "platform-tls";

    /// <summary>The namespace label that lets a namespace's HTTPRoutes attach to the Gateway.</summary>
    public const string RoutesLabel = "delivery-platform/gateway-routes";
    public const string RoutesLabelValue = "allowed";

    public const string HttpsRedirectRoute = "https-redirect";

    /// <summary>
    /// The listeners routes attach to. Locally there is usually no certificate, so plain http takes
    /// routes too; elsewhere http only redirects to https.
    /// </summary>
    /// <summary>
    /// The parentRef a route uses: the https listener, or on local (no certificate) the http one.
    /// </summary>
    public static OrderedDictionary<string, object?> ParentRef(Tier tier) => Map(
        ("name", Name),
        ("namespace", Namespace),
        ("sectionName", TierProfile.For(tier).ServesPlainHttp ? HttpListener : HttpsListener));

    public static IReadOnlyList<string> RouteListeners(Tier tier) => TierProfile.For(tier).ServesPlainHttp ? [HttpListener, HttpsListener] : [HttpsListener];

    public static IReadOnlyList<KubernetesObject> Render(Tier tier)
    {
        var objects = new List<KubernetesObject>
        {
            Manifest.Object("gateway.networking.k8s.io/v1", "GatewayClass", ClassName, null, Labels(ClassName),
                ("spec", Map(("controllerName", ControllerName)))),
            Manifest.Object("gateway.networking.k8s.io/v1", "Gateway", Name, Namespace, Labels(Name),
                ("spec", Map(
                    ("gatewayClassName", ClassName),
                    ("listeners", List(
                        Map(("name", HttpListener), ("protocol", "HTTP"), ("port", 80),
                            ("allowedRoutes", RouteListeners(tier).Contains(HttpListener) ? FromRoutedNamespaces() : FromGatewayNamespace())),
                        Map(("name", HttpsListener), ("protocol", "HTTPS"), ("port", 443),
                            ("tls", Map(("mode", "Terminate"), ("certificateRefs", List(Map(("kind", "Secret"), ("name", TlsSecretName)))))),
                            ("allowedRoutes", FromRoutedNamespaces()))))))),
        };
        if (!RouteListeners(tier).Contains(HttpListener))
            objects.Add(HttpsRedirect());
        return objects;
    }

    private static OrderedDictionary<string, object?> FromRoutedNamespaces() =>
        Map(("namespaces", Map(("from", "Selector"), ("selector", Map(("matchLabels", Map((RoutesLabel, RoutesLabelValue))))))));

    private static OrderedDictionary<string, object?> FromGatewayNamespace() => Map(("namespaces", Map(("from", "Same"))));

    /// <summary>Every plain-http request is answered with a permanent redirect to https.</summary>
    private static KubernetesObject HttpsRedirect() =>
        Manifest.Object("gateway.networking.k8s.io/v1", "HTTPRoute", HttpsRedirectRoute, Namespace, Labels(HttpsRedirectRoute),
            ("spec", Map(
                ("parentRefs", List(Map(("name", Name), ("namespace", Namespace), ("sectionName", HttpListener)))),
                ("rules", List(Map(("filters", List(Map(
                    ("type", "RequestRedirect"),
                    ("requestRedirect", Map(("scheme", "https"), ("statusCode", 301))))))))))));

    private static SortedDictionary<string, string> Labels(string name) => StandardLabels.Shared(name, ClusterBaseline.Component);
}
