using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Configuration;

/// <summary>
/// Everything a tier decides, in one place: the defaults the binder starts from
/// (<see cref="TierDefaults"/>), and the policies the rules and renderers apply. "What does prod
/// change?" is answered here and nowhere else.
/// </summary>
public sealed record TierProfile
{
    /// <summary>The tier this profile is; a stack's <c>environment</c> names it.</summary>
    public required Tier Tier { get; init; }

    /// <summary>The tier's name as <c>environment</c> spells it (<c>prod</c>).</summary>
    public string Name => Tiers.Name(Tier);

    // Apps
    public required int AppReplicas { get; init; }
    public required int MinimumAppReplicas { get; init; }
    public required ContainerSize AppContainer { get; init; }

    /// <summary>Spread each slot's pods over nodes and zones, so a node or zone loss keeps the app up.</summary>
    public required bool SpreadsAppsAcrossNodes { get; init; }

    /// <summary>A PodDisruptionBudget lets evictions (drains, upgrades) take one of an app's pods at a time.</summary>
    public required bool LimitsAppEvictions { get; init; }

    /// <summary>Pull on every container start (<c>Always</c>), so the pull credential is checked each time.</summary>
    public required bool PullsOnEveryStart { get; init; }

    // Versions
    /// <summary>Any docker tag is a version (a laptop builds <c>dev</c> or <c>latest</c>).</summary>
    public required bool AcceptsAnyTag { get; init; }

    /// <summary>A version must name its image digest, since a tag can be pushed again.</summary>
    public required bool RequiresDigests { get; init; }

    /// <summary>The stack names the stack it promotes from (<c>upstream</c>), so every version that takes traffic here ran there first.</summary>
    public required bool RequiresUpstream { get; init; }

    /// <summary>How many of the versions upstream ran live before its current one may still take traffic here (<c>Release/EarlierLive</c>): a version does not lose its proof when upstream moves on.</summary>
    public required int UpstreamWindow { get; init; }

    // Cluster and CI
    /// <summary>A throw-away k3s cluster in Docker is fine (without <c>cluster.allowK3sOutsideLocal</c>).</summary>
    public required bool AllowsDockerCluster { get; init; }

    /// <summary>Org- or enterprise-wide GitHub runners must name a runner group.</summary>
    public required bool RequiresRunnerGroup { get; init; }

    /// <summary>
    /// The default for <c>ci.buildRunners</c>: runners for every job (builds, pull requests). Prod's
    /// cluster runs only what was released, so only its release runners (the prod release) by default.
    /// </summary>
    public required bool HostsBuildRunners { get; init; }

    // Registry
    public required string RegistryStorage { get; init; }
    public required ContainerSize RegistryContainer { get; init; }

    // CI
    public required int MinRunners { get; init; }
    public required int MaxRunners { get; init; }
    public required int GitLabConcurrency { get; init; }
    public required ContainerSize RunnerJob { get; init; }
    public required ContainerSize RunnerController { get; init; }
    public required string RunnerWorkVolume { get; init; }

    // Monitoring
    public required int RetentionDays { get; init; }
    public required string MonitoringStorage { get; init; }

    /// <summary>The monitoring containers' size as a multiple of what a laptop cluster needs.</summary>
    public required int MonitoringScale { get; init; }

    public required double ErrorRateTarget { get; init; }
    public required int LatencyP95Ms { get; init; }

    /// <summary>Critical alerts must reach someone (the <c>critical</c> receiver is required).</summary>
    public required bool RequiresOnCallReceiver { get; init; }

    public required LogAlertDefaults LogAlerts { get; init; }

    // Release verification
    public required int VerifyMinRequests { get; init; }
    public required string VerifyBakeTime { get; init; }

    /// <summary>Releases go through deliver gate and deliver verify (the release script), which judge from Alertmanager and Prometheus: monitoring must be on.</summary>
    public required bool GatesReleases { get; init; }

    /// <summary>The Trivy severities that fail a release's image scan (<c>release.scanSeverity</c>): critical only while developing, high too from staging on.</summary>
    public required string ScanSeverity { get; init; }

    // Access and protection
    /// <summary>Developers may deploy by hand; prod changes only through the release workflow.</summary>
    public required bool DevelopersDeploy { get; init; }

    /// <summary>Warn when no group may administer the stack's cluster through it.</summary>
    public required bool ExpectsAdminGroup { get; init; }

    /// <summary>Stateful resources are protected from deletion.</summary>
    public required bool Protect { get; init; }

    /// <summary>The Gateway serves plain http (a laptop has no certificate); everywhere else https only, with HSTS.</summary>
    public required bool ServesPlainHttp { get; init; }

    /// <summary>Log alerts per app: off on a laptop; elsewhere a ticket above an error-line rate that tightens towards prod.</summary>
    public sealed record LogAlertDefaults(bool Enabled, double ErrorsPerMinute, double KeywordsPerMinute, string Window);

    private static readonly ContainerSize SmallController = new("50m", "64Mi", "500m", "256Mi");
    private static readonly ContainerSize LargeController = new("100m", "128Mi", "1", "512Mi");
    private static readonly ContainerSize LargeRunnerJob = new("500m", "1Gi", "2", "4Gi");

    public static readonly TierProfile Local = new()
    {
        Tier = Tier.Local,
        AppReplicas = 1, MinimumAppReplicas = 1, AppContainer = new("50m", "64Mi", "500m", "256Mi"),
        SpreadsAppsAcrossNodes = false, LimitsAppEvictions = false, PullsOnEveryStart = false, AcceptsAnyTag = true, RequiresDigests = false, RequiresUpstream = false, UpstreamWindow = 5,
        AllowsDockerCluster = true, RequiresRunnerGroup = false, HostsBuildRunners = true,
        RegistryStorage = "5Gi", RegistryContainer = new("50m", "64Mi", "500m", "256Mi"),
        MinRunners = 0, MaxRunners = 2, GitLabConcurrency = 2,
        RunnerJob = new("100m", "256Mi", "1", "1Gi"), RunnerController = SmallController, RunnerWorkVolume = "2Gi",
        RetentionDays = 1, MonitoringStorage = "2Gi", MonitoringScale = 1, ErrorRateTarget = 0.01, LatencyP95Ms = 500,
        RequiresOnCallReceiver = false, LogAlerts = new(false, 10, 0, "10m"),
        VerifyMinRequests = 20, VerifyBakeTime = "1m", GatesReleases = false, ScanSeverity = "CRITICAL",
        DevelopersDeploy = true, ExpectsAdminGroup = false, Protect = false, ServesPlainHttp = true,
    };

    public static readonly TierProfile Dev = Local with
    {
        Tier = Tier.Dev,
        AppContainer = new("100m", "128Mi", "500m", "256Mi"),
        AcceptsAnyTag = false, AllowsDockerCluster = false, RequiresRunnerGroup = true,
        RegistryStorage = "20Gi", RegistryContainer = new("100m", "128Mi", "500m", "512Mi"),
        MaxRunners = 3, GitLabConcurrency = 4,
        RunnerJob = new("250m", "512Mi", "1", "2Gi"), RunnerWorkVolume = "5Gi",
        RetentionDays = 3, MonitoringStorage = "10Gi", MonitoringScale = 2,
        LogAlerts = new(true, 10, 0, "10m"),
        VerifyMinRequests = 50, VerifyBakeTime = "2m", GatesReleases = true,
        ServesPlainHttp = false,
    };

    public static readonly TierProfile Staging = Dev with
    {
        Tier = Tier.Staging,
        AppReplicas = 2, AppContainer = new("200m", "256Mi", "1", "512Mi"),
        RequiresDigests = true, RequiresUpstream = true,
        RegistryStorage = "50Gi", RegistryContainer = new("200m", "256Mi", "1", "1Gi"),
        MinRunners = 1, MaxRunners = 5, GitLabConcurrency = 8,
        RunnerJob = LargeRunnerJob, RunnerController = LargeController, RunnerWorkVolume = "10Gi",
        RetentionDays = 15, MonitoringStorage = "20Gi", MonitoringScale = 4, ErrorRateTarget = 0.005, LatencyP95Ms = 400,
        LogAlerts = new(true, 5, 0, "10m"),
        VerifyMinRequests = 100, VerifyBakeTime = "5m", ScanSeverity = "HIGH,CRITICAL",
    };

    public static readonly TierProfile Prod = Staging with
    {
        Tier = Tier.Prod,
        AppReplicas = 3, MinimumAppReplicas = 2, AppContainer = new("250m", "256Mi", "1", "512Mi"),
        SpreadsAppsAcrossNodes = true, LimitsAppEvictions = true, PullsOnEveryStart = true,
        // Prod takes what staging ran in its last few releases only: older proof is stale.
        UpstreamWindow = 3,
        RegistryStorage = "100Gi", RegistryContainer = new("250m", "512Mi", "2", "2Gi"),
        HostsBuildRunners = false, MinRunners = 2, MaxRunners = 10, GitLabConcurrency = 10,
        RetentionDays = 30, MonitoringStorage = "50Gi", MonitoringScale = 8, ErrorRateTarget = 0.001, LatencyP95Ms = 300,
        RequiresOnCallReceiver = true, LogAlerts = new(true, 2, 0, "10m"),
        VerifyMinRequests = 200, VerifyBakeTime = "10m",
        DevelopersDeploy = false, ExpectsAdminGroup = true, Protect = true,
    };

    /// <summary>The profile of the tier <paramref name="environment"/> names, or null when it names none.</summary>
    public static TierProfile? Named(string? environment) => Tiers.Parse(environment) is { } tier ? For(tier) : null;

    public static TierProfile For(Tier tier) => tier switch
    {
        Tier.Local => Local,
        Tier.Dev => Dev,
        Tier.Staging => Staging,
        _ => Prod,
    };
}
