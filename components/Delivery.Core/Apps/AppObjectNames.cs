using Delivery.Core.Model;
using Delivery.Core.Registry;

namespace Delivery.Core.Apps;

/// <summary>
/// The names of an app's objects. They never depend on a version, so a release never renames (and
/// so never replaces) anything; app names are at most 57 characters, so <c>&lt;app&gt;-green</c> fits 63.
/// </summary>
public static class AppObjectNames
{
    /// <summary>The live Service, the HTTPRoute, the PDB, the NetworkPolicy, the ServiceMonitor.</summary>
    public static string Live(string app) => app;

    /// <summary>A slot's Deployment, Service and HorizontalPodAutoscaler; a rolling app's Deployment and HPA are <c>&lt;app&gt;</c>.</summary>
    public static string Slot(string app, Slot slot) => slot == Model.Slot.Rolling ? app : $"{app}-{Slots.Name(slot)}";

    /// <summary>The Secret holding the app's secret environment variables (<c>secretEnv</c>).</summary>
    public static string EnvSecret(string app) => $"{app}-env";

    /// <summary>The container port's name, used by Services, probes and the ServiceMonitor.</summary>
    public const string HttpPort = "http";

    /// <summary>The metrics port's name, where the app has one of its own (<c>metricsPort</c>).</summary>
    public const string MetricsPort = "metrics";

    /// <summary>The named port Prometheus scrapes.</summary>
    public static string ScrapePort(AppConfig app) => app.MetricsPort > 0 ? MetricsPort : HttpPort;

    /// <summary>The app's own ServiceAccount: no token, no Role; pods of different apps never share one.</summary>
    public static string ServiceAccount(string app) => app;

    /// <summary>The image pull Secret the registry component creates in the apps namespace.</summary>
    public const string PullSecret = RegistryCredentials.PullSecretName;
}
