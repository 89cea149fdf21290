using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// Envoy Gateway, the Gateway API implementation. Its chart installs the Gateway API CRDs and its
/// own by default, then the controller, which deploys one Envoy proxy Deployment and LoadBalancer
/// Service per Gateway in its own namespace. Its pin: <see cref="Pins.EnvoyGateway"/>.
/// </summary>
public static class EnvoyGatewayChart
{
    public const string ReleaseName = "envoy-gateway";
    /// <summary>
    /// The chart's defaults (controller name, ports, restricted security contexts), but the controller
    /// watches only the namespaces that hold the Gateway, routes, policies and their Secrets: by
    /// default its ClusterRole reads every Secret in the cluster; with a namespace list the chart
    /// grants that in those namespaces alone (docs/charts/gateway-helm-v1.6.3.yaml). They must exist
    /// before the chart, which the baseline's apply order gives.
    /// </summary>
    public static HelmChartSpec Render(DeliveryConfig config) => new(ReleaseName, Pins.EnvoyGateway.Chart, "", Pins.EnvoyGateway.Version, ClusterGateway.Namespace, Map(
        ("config", Map(("envoyGateway", Map(("provider", Map(
            ("type", "Kubernetes"),
            ("kubernetes", Map(("watch", Map(("type", "Namespaces"), ("namespaces", ListOf(WatchedNamespaces(config)))))))))))))));

    /// <summary>The Gateway's own namespace and every routed namespace the stack uses.</summary>
    public static IReadOnlyList<string> WatchedNamespaces(DeliveryConfig config) =>
        [.. PlatformNamespaceObjects.InUse(config).Where(ns => ns == ClusterGateway.Namespace || PlatformNamespaceObjects.Routed.Contains(ns))];
}
