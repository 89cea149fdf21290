using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using static Delivery.Core.Network.PolicyPeers;

namespace Delivery.Core.Cluster;

/// <summary>
/// The release gates run on the platform's own release runners: their job pods query Prometheus's
/// and Alertmanager's HTTP APIs (deliver verify / gate; Alertmanager's through its read-only
/// sidecar, <see cref="Monitoring.AlertmanagerReadApi"/>, whose port alone they reach) and
/// smoke-test a staged slot through its slot Service. These allow exactly that, both ways, for the release job pods only (labelled
/// <see cref="PlatformPods.ReleaseJobs"/> in ci-release, which a job cannot set): a pull request's job could
/// otherwise stop Prometheus, post silences or fake alerts, or flood an idle slot with fast 200s
/// so that verify passes a bad build.
/// </summary>
public static class CiReleaseGateAccess
{
    /// <summary>Prometheus's web and API port, as kube-prometheus-stack serves it (<c>prometheus.service.port</c>).</summary>
    public const int PrometheusPort = 9090;


    /// <summary>The labels prometheus-operator puts on the Prometheus and Alertmanager pods it runs.</summary>
    public static readonly IReadOnlyDictionary<string, string> PrometheusPods = OperatorPods("prometheus");
    public static readonly IReadOnlyDictionary<string, string> AlertmanagerPods = OperatorPods("alertmanager");

    /// <summary>None without release runners or without monitoring: then there is nothing to reach, or no one to reach it.</summary>
    internal static IEnumerable<NetworkPolicySpec> Specs(DeliveryConfig config)
    {
        if (config.Ci.Kind == CiMode.None || !Ci.CiRunnersRenderer.HasReleaseRunners(config) || !config.Monitoring.Enabled)
            yield break;
        var egress = new List<OrderedDictionary<string, object?>>
        {
            Rule("to", [PodsIn(PlatformNamespaces.Monitoring, PrometheusPods)], TcpPorts([PrometheusPort])),
            Rule("to", [PodsIn(PlatformNamespaces.Monitoring, AlertmanagerPods)], TcpPorts([Monitoring.AlertmanagerReadApi.Port])),
        };
        if (config.Apps.Count > 0)
        {
            egress.Add(Rule("to", [Namespace(PlatformNamespaces.Apps)], TcpPorts(BaselineNetworkPolicies.AppPorts(config))));
            yield return NetworkPolicySpec.In("allow-ci-smoke-tests", PlatformNamespaces.Apps,
                Rule("from", [ReleaseJobs()], TcpPorts(BaselineNetworkPolicies.AppPorts(config))));
        }
        yield return NetworkPolicySpec.Out("allow-release-gates", PlatformNamespaces.CiRelease, [.. egress]).ForPods(PlatformPods.ReleaseJobs);
        yield return NetworkPolicySpec.In("allow-ci-release-gates-prometheus", PlatformNamespaces.Monitoring,
                Rule("from", [ReleaseJobs()], TcpPorts([PrometheusPort])))
            .ForPods(PrometheusPods);
        yield return NetworkPolicySpec.In("allow-ci-release-gates-alertmanager", PlatformNamespaces.Monitoring,
                Rule("from", [ReleaseJobs()], TcpPorts([Monitoring.AlertmanagerReadApi.Port])))
            .ForPods(AlertmanagerPods);
    }

    private static OrderedDictionary<string, object?> ReleaseJobs() => PodsIn(PlatformNamespaces.CiRelease, PlatformPods.ReleaseJobs);

    private static Dictionary<string, string> OperatorPods(string name) => new()
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/managed-by"] = "prometheus-operator",
    };
}
