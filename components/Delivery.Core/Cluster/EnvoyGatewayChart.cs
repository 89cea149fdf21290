using Delivery.Core.Kubernetes;

namespace Delivery.Core.Cluster;

/// <summary>
/// Envoy Gateway, the Gateway API implementation. Its chart installs the Gateway API CRDs and its
/// own by default, then the controller, which deploys one Envoy proxy Deployment and LoadBalancer
/// Service per Gateway in its own namespace. The chart is an OCI artifact: <see cref="Chart"/> is
/// its full reference and the repository is empty.
/// </summary>
public static class EnvoyGatewayChart
{
    public const string ReleaseName = "envoy-gateway";
    public const string Chart = "oci://docker.io/envoyproxy/gateway-helm";

    /// <summary>v1.6 supports Kubernetes 1.30–1.33 and Gateway API v1.4, which covers k3s v1.33.</summary>
    public const string Version = "v1.6.3";

    /// <summary>The chart's defaults: controller name, ports and restricted security contexts are what the baseline relies on.</summary>
    public static HelmChartSpec Render() => new(ReleaseName, Chart, "", Version, ClusterGateway.Namespace, []);
}
