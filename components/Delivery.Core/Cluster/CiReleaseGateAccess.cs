using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Cluster.PolicyPeers;

namespace Delivery.Core.Cluster;

/// <summary>
/// The release gates run on the platform's own CI runners: their job pods query Prometheus's and
/// Alertmanager's HTTP APIs (deliver verify / gate) and smoke-test a staged slot through its slot
/// Service. These allow exactly that, both ways: CI egress to those pods on those ports and to the
/// apps' HTTP ports, and ingress into those pods and the apps' HTTP port from CI, nothing else.
/// </summary>
public static class CiReleaseGateAccess
{
    /// <summary>Prometheus's web and API port, as kube-prometheus-stack serves it (<c>prometheus.service.port</c>).</summary>
    public const int PrometheusPort = 9090;

    /// <summary>Alertmanager's web and API port (<c>alertmanager.service.port</c>).</summary>
    public const int AlertmanagerPort = 9093;

    /// <summary>The labels prometheus-operator puts on the Prometheus and Alertmanager pods it runs.</summary>
    public static readonly IReadOnlyDictionary<string, string> PrometheusPods = OperatorPods("prometheus");
    public static readonly IReadOnlyDictionary<string, string> AlertmanagerPods = OperatorPods("alertmanager");

    /// <summary>None without CI runners or without monitoring: then there is nothing to reach, or no one to reach it.</summary>
    internal static IEnumerable<NetworkPolicySpec> Specs(DeliveryConfig config)
    {
        if (config.Ci.Mode == CiConfig.None || !config.Monitoring.Enabled)
            yield break;
        var egress = new List<OrderedDictionary<string, object?>>
        {
            Rule("to", [PodsIn(PlatformNamespaces.Monitoring, PrometheusPods)], TcpPorts([PrometheusPort])),
            Rule("to", [PodsIn(PlatformNamespaces.Monitoring, AlertmanagerPods)], TcpPorts([AlertmanagerPort])),
        };
        if (config.Apps.Count > 0)
        {
            egress.Add(Rule("to", [Namespace(PlatformNamespaces.Apps)], TcpPorts(BaselineNetworkPolicies.AppPorts(config))));
            yield return NetworkPolicySpec.In("allow-ci-smoke-tests", PlatformNamespaces.Apps,
                Rule("from", [Namespace(PlatformNamespaces.Ci)], TcpPorts(BaselineNetworkPolicies.AppPorts(config))));
        }
        yield return NetworkPolicySpec.Out("allow-release-gates", PlatformNamespaces.Ci, [.. egress]);
        yield return NetworkPolicySpec.In("allow-ci-release-gates-prometheus", PlatformNamespaces.Monitoring,
                Rule("from", [Namespace(PlatformNamespaces.Ci)], TcpPorts([PrometheusPort])))
            .ForPods(PrometheusPods);
        yield return NetworkPolicySpec.In("allow-ci-release-gates-alertmanager", PlatformNamespaces.Monitoring,
                Rule("from", [Namespace(PlatformNamespaces.Ci)], TcpPorts([AlertmanagerPort])))
            .ForPods(AlertmanagerPods);
    }

    private static Dictionary<string, string> OperatorPods(string name) => new()
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/managed-by"] = "prometheus-operator",
    };
}
