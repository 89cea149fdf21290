using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Network;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Apps;

/// <summary>The app's disruption budget and network policy; both cover the pods of both slots.</summary>
public static class AppPolicies
{
    /// <summary>Prod: evictions (node drains, upgrades) take at most one of the app's pods at a time.</summary>
    public static KubernetesObject? DisruptionBudget(TierProfile profile, string name) =>
        !profile.LimitsAppEvictions
            ? null
            : Manifest.Object("policy/v1", "PodDisruptionBudget", AppObjectNames.Live(name), PlatformNamespaces.Apps, StandardLabels.Shared(name, "availability"),
                ("spec", Map(("maxUnavailable", 1), ("selector", Map(("matchLabels", Strings(AppSelector(name))))))));

    /// <summary>
    /// Ingress only from the Envoy proxies (if routed), Prometheus, and the apps that list this one
    /// as a caller, never from the rest of their namespaces; egress only to the apps it calls (those
    /// listing it as a caller), its declared outside destinations, and the trace collector's pods
    /// (DNS is allowed namespace-wide by the baseline).
    /// </summary>
    public static KubernetesObject Network(DeliveryConfig config, string name, AppCallGraph calls)
    {
        var app = config.Apps[name];
        var sources = new List<object?>();
        if (app.Host.Length > 0)
            sources.Add(PolicyPeers.PodsIn(PlatformNamespaces.Gateway, PlatformPods.EnvoyProxy));
        var prometheus = PolicyPeers.PodsIn(PlatformNamespaces.Monitoring, PlatformPods.Prometheus);
        if (app.MetricsPort == 0)
            sources.Add(prometheus);
        sources.AddRange(app.Callers.Order(StringComparer.Ordinal).Distinct().Select(caller => (object?)FromApp(caller)));
        var ingress = new List<object?>();
        if (sources.Count > 0)
            ingress.Add(Map(("from", sources), ("ports", List(Map(("protocol", "TCP"), ("port", AppObjectNames.HttpPort))))));
        // With a metrics port of its own, Prometheus reaches only that one.
        if (app.MetricsPort > 0)
            ingress.Add(Map(("from", List(prometheus)), ("ports", List(Map(("protocol", "TCP"), ("port", AppObjectNames.MetricsPort))))));
        var egress = calls.CalleesOf(name).Select(callee => (object?)Map(
            ("to", List(FromApp(callee))),
            ("ports", List(Map(("protocol", "TCP"), ("port", config.Apps[callee].Port)))))).ToList();
        egress.AddRange(app.Egress.Select(EgressRule.Parse).OfType<EgressRule>().Select(rule => (object?)Map(
            ("to", List(Map(("ipBlock", Map(("cidr", rule.Cidr)))))),
            ("ports", List(Map(("protocol", "TCP"), ("port", rule.Port)))))));
        egress.Add(Map(
            ("to", List(PolicyPeers.PodsIn(PlatformNamespaces.Monitoring, PlatformPods.OtelCollector))),
            ("ports", List(Map(("protocol", "TCP"), ("port", PlatformPorts.OtlpGrpc)), Map(("protocol", "TCP"), ("port", PlatformPorts.OtlpHttp))))));
        return Manifest.Object("networking.k8s.io/v1", "NetworkPolicy", AppObjectNames.Live(name), PlatformNamespaces.Apps, StandardLabels.Shared(name, "network"),
            ("spec", Map(
                ("podSelector", Map(("matchLabels", Strings(AppSelector(name))))),
                ("policyTypes", List("Ingress", "Egress")),
                ("ingress", ingress),
                ("egress", egress))));
    }

    private static SortedDictionary<string, string> AppSelector(string name) => new(StringComparer.Ordinal) { [StandardLabels.Name] = name };

    private static OrderedDictionary<string, object?> FromApp(string app) =>
        Map(("podSelector", Map(("matchLabels", Strings(AppSelector(app))))));
}
