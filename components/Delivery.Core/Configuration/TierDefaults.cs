using System.Globalization;

namespace Delivery.Core.Configuration;

/// <summary>
/// The built-in defaults of each tier (<see cref="TierProfile"/>) as configuration keys: the lowest
/// layer under the stack config and the environment overrides.
/// </summary>
public static class TierDefaults
{
    /// <summary>Rates and p95 over 5 minutes: ten of the ServiceMonitor's 30s scrapes, as the latency alert uses.</summary>
    private const string VerifyWindow = "5m";

    /// <summary>The seed's regression bound: a candidate's p95 at most 20% above the live slot's.</summary>
    private const int LatencyRegressionPercent = 20;

    /// <summary>Default config values, as configuration keys, for a tier and the apps the stack declares.</summary>
    public static IReadOnlyDictionary<string, string> For(TierProfile profile, IEnumerable<string> appNames)
    {
        var logAlerts = profile.LogAlerts;
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["protect"] = Text(profile.Protect),
            ["registry:storageSize"] = profile.RegistryStorage,
            ["monitoring:retentionDays"] = Text(profile.RetentionDays),
            ["monitoring:storageSize"] = profile.MonitoringStorage,
            ["monitoring:slo:errorRateTarget"] = Text(profile.ErrorRateTarget),
            ["monitoring:slo:latencyP95Ms"] = Text(profile.LatencyP95Ms),
            ["ci:buildRunners"] = Text(profile.HostsBuildRunners),
            ["ci:github:minRunners"] = Text(profile.MinRunners),
            ["ci:github:maxRunners"] = Text(profile.MaxRunners),
            ["ci:gitlab:concurrency"] = Text(profile.GitLabConcurrency),
            ["access:developersDeploy"] = Text(profile.DevelopersDeploy),
            ["verify:minRequests"] = Text(profile.VerifyMinRequests),
            ["verify:window"] = VerifyWindow,
            ["verify:bakeTime"] = profile.VerifyBakeTime,
            ["verify:latencyRegressionPercent"] = Text(LatencyRegressionPercent),
            ["release:scanSeverity"] = profile.ScanSeverity,
        };
        foreach (var app in appNames)
        {
            defaults[$"apps:{app}:replicas"] = Text(profile.AppReplicas);
            defaults[$"apps:{app}:resources:cpuRequest"] = profile.AppContainer.CpuRequest;
            defaults[$"apps:{app}:resources:memoryRequest"] = profile.AppContainer.MemoryRequest;
            defaults[$"apps:{app}:resources:cpuLimit"] = profile.AppContainer.CpuLimit;
            defaults[$"apps:{app}:resources:memoryLimit"] = profile.AppContainer.MemoryLimit;
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
