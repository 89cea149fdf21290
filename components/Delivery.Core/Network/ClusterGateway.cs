using System.Security.Cryptography;
using System.Text;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Network;

/// <summary>
/// The cluster's entry point, served by one Envoy fleet of Envoy Gateway: the Gateway
/// <c>platform</c> with the http listener, and the host Gateways (<see cref="GatewayShards"/>) with
/// one https listener per host, merged into that fleet by the GatewayClass's EnvoyProxy
/// (<c>mergeGateways</c>). This is the contract for everything that is reachable from outside: an
/// HTTPRoute for a host attaches with <see cref="ParentRef"/>:
/// <c>{name: <see cref="GatewayShards.GatewayOf"/>(host), namespace: gateway, sectionName: <see cref="HttpsListenerFor"/>(host)}</c>.
/// The objects themselves are part of the cluster baseline (<c>Cluster/GatewayObjects</c>).
/// </summary>
public static class ClusterGateway
{
    public const string Name = "platform";
    public const string Namespace = PlatformNamespaces.Gateway;
    public const string HttpListener = "http";
    public const string HttpsListener = "https";
    public const string ClassName = "envoy-gateway";

    /// <summary>The EnvoyProxy (gateway.envoyproxy.io/v1alpha1) the GatewayClass names as its parameters: it merges the Gateways.</summary>
    public const string ProxyName = "platform";

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
    /// The https listener of one host: it terminates TLS for that host name only and takes routes
    /// only from the namespace that owns the host (<see cref="GatewayHosts"/>), so no other
    /// namespace can claim it. Named by a hash of the host, since a listener name cannot hold dots.
    /// </summary>
    public static string HttpsListenerFor(string host) =>
        $"{HttpsListener}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(host.ToLowerInvariant())))[..HostHashDigits]}";

    private const int HostHashDigits = 12;

    /// <summary>
    /// The parentRef of a route for <paramref name="host"/>: that host's https listener on its
    /// Gateway, or on a tier that serves plain http (a laptop, usually without a certificate) the
    /// http one.
    /// </summary>
    public static OrderedDictionary<string, object?> ParentRef(TierProfile profile, string host) => profile.ServesPlainHttp
        ? Map(("name", Name), ("namespace", Namespace), ("sectionName", HttpListener))
        : Map(("name", GatewayShards.GatewayOf(host)), ("namespace", Namespace), ("sectionName", HttpsListenerFor(host)));
}
