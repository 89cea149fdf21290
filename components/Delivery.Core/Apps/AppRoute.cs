using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Apps;

/// <summary>
/// The app's north-south route on its host: a Gateway API HTTPRoute on the cluster Gateway. All
/// traffic goes to the live Service; a canary weight w sends w% to the idle slot's Service instead,
/// and then the route waits for the idle Deployment to be ready. <c>/metrics</c>, which the app
/// serves for Prometheus on the same port, is not forwarded, in any letter case (ASP.NET Core
/// matches paths case-insensitively, so <c>/METRICS</c> serves them too): Envoy Gateway ranks a
/// regular expression above any path prefix, and that rule has no backend, so the Gateway answers
/// it with an error instead of the app.
/// </summary>
public static class AppRoute
{
    /// <summary>Routes attach to the cluster Gateway's https listener; on local, which has no certificate, to http.</summary>
    public static KubernetesObject? Render(AppConfig app, string name, Slot live, TierProfile profile)
    {
        if (app.Host.Length == 0)
            return null;
        // A rolling app has no idle slot, so never a canary (validated).
        var canary = app.CanaryWeight > 0 && live != Slot.Rolling;
        var idle = canary ? AppObjectNames.Slot(name, Slots.Other(live)) : "";
        var backends = canary
            ? List(Backend(AppObjectNames.Live(name), 100 - app.CanaryWeight), Backend(idle, app.CanaryWeight))
            : List(Backend(AppObjectNames.Live(name), 100));
        var annotations = canary
            ? new Dictionary<string, string> { [DependsOn.Annotation] = DependsOn.Deployment(PlatformNamespaces.Apps, idle) }
            : null;
        var metadata = Metadata(AppObjectNames.Live(name), PlatformNamespaces.Apps, StandardLabels.Shared(name, "route"), annotations);
        return Manifest.Object("gateway.networking.k8s.io/v1", "HTTPRoute", metadata, ("spec", Map(
            ("parentRefs", List(ClusterGateway.ParentRef(profile, app.Host))),
            ("hostnames", List(app.Host)),
            ("rules", List(
                Map(
                    ("matches", List(Map(("path", Map(("type", "PathPrefix"), ("value", "/")))))),
                    ("filters", StrictTransportSecurity.Filters(profile)),
                    ("backendRefs", backends)),
                Map(("matches", List(Map(("path", Map(("type", "RegularExpression"), ("value", HiddenMetricsPaths))))))))))));
    }

    /// <summary>The metrics path and everything under it, in any case (RE2, matched against the whole path).</summary>
    private const string HiddenMetricsPaths = "(?i)" + MetricsPath + "(/.*)?";

    /// <summary>Where the ServiceMonitor scrapes the app (<see cref="AppServiceMonitor"/>).</summary>
    public const string MetricsPath = "/metrics";

    private static OrderedDictionary<string, object?> Backend(string service, int weight) =>
        Map(("name", service), ("port", 80), ("weight", weight));
}
