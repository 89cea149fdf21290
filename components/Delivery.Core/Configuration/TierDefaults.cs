using System.Globalization;
using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// The built-in defaults of each tier, the lowest layer under the stack config and the environment
/// overrides. Production gets more replicas, longer retention, larger volumes and protection.
/// </summary>
public static class TierDefaults
{
    private sealed record Profile(
        bool Protect,
        int Replicas,
        string CpuRequest,
        string MemoryRequest,
        string CpuLimit,
        string MemoryLimit,
        string RegistryStorage,
        int RetentionDays,
        string MonitoringStorage,
        double ErrorRateTarget,
        int LatencyP95Ms,
        int MinRunners,
        int MaxRunners,
        int GitLabConcurrency,
        int VerifyMinRequests,
        string VerifyBakeTime,
        string ScanSeverity);

    /// <summary>Rates and p95 over 5 minutes: ten of the ServiceMonitor's 30s scrapes, as the latency alert uses.</summary>
    private const string VerifyWindow = "5m";

    /// <summary>The seed's regression bound: a candidate's p95 at most 20% above the live slot's.</summary>
    private const int LatencyRegressionPercent = 20;

    private static readonly IReadOnlyDictionary<Tier, Profile> Profiles = new Dictionary<Tier, Profile>
    {
        [Tier.Local] = new(false, 1, "50m", "64Mi", "500m", "256Mi", "5Gi", 1, "2Gi", 0.01, 500, 0, 2, 2, 20, "1m", "CRITICAL"),
        [Tier.Dev] = new(false, 1, "100m", "128Mi", "500m", "256Mi", "20Gi", 3, "10Gi", 0.01, 500, 0, 3, 4, 50, "2m", "CRITICAL"),
        [Tier.Staging] = new(false, 2, "200m", "256Mi", "1", "512Mi", "50Gi", 15, "20Gi", 0.005, 400, 1, 5, 8, 100, "5m", "HIGH,CRITICAL"),
        [Tier.Prod] = new(true, 3, "250m", "256Mi", "1", "512Mi", "100Gi", 30, "50Gi", 0.001, 300, 2, 10, 10, 200, "10m", "HIGH,CRITICAL"),
    };

    /// <summary>
    /// Log alerts per app: off on a laptop; elsewhere a ticket for error lines above a rate that
    /// tightens towards prod, and for any line with a configured keyword, averaged over 10 minutes.
    /// </summary>
    private sealed record LogAlertProfile(bool Enabled, double ErrorsPerMinute, double KeywordsPerMinute, string Window);

    private static readonly IReadOnlyDictionary<Tier, LogAlertProfile> LogAlertProfiles = new Dictionary<Tier, LogAlertProfile>
    {
        [Tier.Local] = new(false, 10, 0, "10m"),
        [Tier.Dev] = new(true, 10, 0, "10m"),
        [Tier.Staging] = new(true, 5, 0, "10m"),
        [Tier.Prod] = new(true, 2, 0, "10m"),
    };

    /// <summary>Default config values, as configuration keys, for a tier and the apps the stack declares.</summary>
    public static IReadOnlyDictionary<string, string> For(Tier tier, IEnumerable<string> appNames)
    {
        var profile = Profiles[tier];
        var logAlerts = LogAlertProfiles[tier];
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["protect"] = Text(profile.Protect),
            ["registry:storageSize"] = profile.RegistryStorage,
            ["monitoring:retentionDays"] = Text(profile.RetentionDays),
            ["monitoring:storageSize"] = profile.MonitoringStorage,
            ["monitoring:slo:errorRateTarget"] = Text(profile.ErrorRateTarget),
            ["monitoring:slo:latencyP95Ms"] = Text(profile.LatencyP95Ms),
            ["ci:github:minRunners"] = Text(profile.MinRunners),
            ["ci:github:maxRunners"] = Text(profile.MaxRunners),
            ["ci:gitlab:concurrency"] = Text(profile.GitLabConcurrency),
            // Developers deploy by hand everywhere but prod; prod changes only through the release workflow.
            ["access:developersDeploy"] = Text(tier != Tier.Prod),
            ["verify:minRequests"] = Text(profile.VerifyMinRequests),
            ["verify:window"] = VerifyWindow,
            ["verify:bakeTime"] = profile.VerifyBakeTime,
            ["verify:latencyRegressionPercent"] = Text(LatencyRegressionPercent),
            // The image scan of a release fails on these Trivy severities: critical only while developing, high too from staging on.
            ["release:scanSeverity"] = profile.ScanSeverity,
        };
        foreach (var app in appNames)
        {
            defaults[$"apps:{app}:replicas"] = Text(profile.Replicas);
            defaults[$"apps:{app}:resources:cpuRequest"] = profile.CpuRequest;
            defaults[$"apps:{app}:resources:memoryRequest"] = profile.MemoryRequest;
            defaults[$"apps:{app}:resources:cpuLimit"] = profile.CpuLimit;
            defaults[$"apps:{app}:resources:memoryLimit"] = profile.MemoryLimit;
            defaults[$"apps:{app}:logAlerts:enabled"] = Text(logAlerts.Enabled);
            defaults[$"apps:{app}:logAlerts:errorsPerMinute"] = Text(logAlerts.ErrorsPerMinute);
            defaults[$"apps:{app}:logAlerts:keywordsPerMinute"] = Text(logAlerts.KeywordsPerMinute);
            defaults[$"apps:{app}:logAlerts:window"] = logAlerts.Window;
        }
        return defaults;
    }

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";
}
