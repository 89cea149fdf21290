using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>Grafana on <c>monitoring.grafanaHost</c>, through the cluster Gateway (none without a host).</summary>
public static class GrafanaRoute
{
    /// <summary>kube-prometheus-stack's Grafana Service: <c>&lt;release&gt;-grafana</c>, port 80.</summary>
    public const string Service = "kube-prometheus-stack-grafana";

    public const string Name = "grafana";

    public static KubernetesObject? Render(MonitoringConfig monitoring, TierProfile profile) =>
        monitoring.GrafanaHost.Length == 0
            ? null
            : Manifest.Object("gateway.networking.k8s.io/v1", "HTTPRoute", Name, PlatformNamespaces.Monitoring, StandardLabels.Shared("grafana", "route"),
                ("spec", Map(
                    ("parentRefs", List(ClusterGateway.ParentRef(profile, monitoring.GrafanaHost))),
                    ("hostnames", List(monitoring.GrafanaHost)),
                    ("rules", List(Map(
                        ("filters", StrictTransportSecurity.Filters(profile)),
                        ("backendRefs", List(Map(("name", Service), ("port", 80))))))))));

    /// <summary>The URL Grafana is reached on; empty without a host.</summary>
    public static string Url(MonitoringConfig monitoring, TierProfile profile) =>
        monitoring.GrafanaHost.Length == 0 ? "" : $"{(profile.ServesPlainHttp ? "http" : "https")}://{monitoring.GrafanaHost}";
}
