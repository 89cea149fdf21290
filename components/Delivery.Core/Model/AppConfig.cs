namespace Delivery.Core.Model;

/// <summary>One application, deployed blue/green or rolling (<see cref="Strategy"/>). Its key in <c>apps</c> is its name.</summary>
public sealed class AppConfig
{
    /// <summary><c>blueGreen</c> (two slots, a live Service; the default) or <c>rolling</c> (one Deployment updated in place).</summary>
    public string Strategy { get; set; } = "blueGreen";

    /// <summary>A rolling app's version (semver or digest); blue/green apps set <see cref="Blue"/> and <see cref="Green"/> instead.</summary>
    public string Version { get; set; } = "";

    /// <summary>How a rolling app's Deployment replaces its pods; only for <c>strategy: rolling</c>.</summary>
    public RollingConfig Rolling { get; set; } = new();

    /// <summary>Repository path inside the registry, without tag (e.g. <c>team/api</c>).</summary>
    public string Image { get; set; } = "";

    /// <summary>Local tier: build <see cref="Image"/> from the working tree and push it to the stack's registry.</summary>
    public AppBuildConfig Build { get; set; } = new();

    /// <summary>Version in the blue slot (semver or <c>sha256:</c> digest); empty for no blue Deployment.</summary>
    public string Blue { get; set; } = "";

    /// <summary>Version in the green slot; empty for no green Deployment.</summary>
    public string Green { get; set; } = "";

    /// <summary>The slot that takes traffic: blue or green.</summary>
    public string Live { get; set; } = "";

    public int Replicas { get; set; }

    /// <summary>Replicas of the idle slot; unset keeps full replicas for an instant rollback.</summary>
    public int? IdleReplicas { get; set; }

    /// <summary>
    /// The slot that takes traffic: <see cref="Slot.Rolling"/> for a rolling app, else <see cref="Live"/>
    /// as a slot; null while live is neither blue nor green, which validation refuses before anything renders.
    /// </summary>
    public Slot? LiveSlot => Strategies.IsRolling(this) ? Slot.Rolling : Slots.Parse(Live);

    /// <summary>The idle slot's pods: <see cref="IdleReplicas"/>, or full replicas.</summary>
    public int IdleSlotReplicas => IdleReplicas ?? Replicas;

    public int Port { get; set; } = 8080;

    /// <summary>Where the app serves <c>/metrics</c> apart from its traffic, which no route exposes; 0: on <see cref="Port"/>.</summary>
    public int MetricsPort { get; set; }

    /// <summary>The container port Prometheus scrapes.</summary>
    public int ScrapePort => MetricsPort > 0 ? MetricsPort : Port;

    public string HealthPath { get; set; } = "/healthz";

    public ResourcesConfig Resources { get; set; } = new();

    public Dictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Environment variables set with <c>--secret</c>; they reach the container through the app's Secret and <c>secretKeyRef</c>.</summary>
    public Dictionary<string, SecretValue> SecretEnv { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Optional public host name, routed through the cluster Gateway.</summary>
    public string Host { get; set; } = "";

    /// <summary>Percent of the host's traffic sent to the idle slot (0–100).</summary>
    public int CanaryWeight { get; set; }

    /// <summary>Other apps allowed to call this one (NetworkPolicy).</summary>
    public List<string> Callers { get; set; } = [];

    /// <summary>Destinations outside the cluster the app may call, as <c>CIDR:port</c> (e.g. <c>10.20.0.0/16:5432</c>).</summary>
    public List<string> Egress { get; set; } = [];

    /// <summary>The user and group id the app's containers run as: a fixed non-root id above the image's system users.</summary>
    public int RunAsUser { get; set; } = 10001;

    public AutoscalingConfig Autoscaling { get; set; } = new();

    public SloConfig Slo { get; set; } = new();

    public LogAlertsConfig LogAlerts { get; set; } = new();
    /// <summary>This app's overrides of the stack's <c>verify</c> settings.</summary>
    public VerifyConfig Verify { get; set; } = new();

    /// <summary>Why a version may go live here without being live upstream (a hotfix).</summary>
    public string HotfixReason { get; set; } = "";
}

/// <summary>
/// Loki ruler alerts on the app's logs that file a ticket: error-level lines, and lines with any
/// of <see cref="Keywords"/>, each above its rate per minute over <see cref="Window"/>.
/// </summary>
public sealed class LogAlertsConfig
{
    public bool Enabled { get; set; }

    /// <summary>Error-level lines per minute, averaged over the window, above which a ticket is filed.</summary>
    public double ErrorsPerMinute { get; set; }

    /// <summary>Words or phrases matched literally, ignoring case (e.g. <c>OutOfMemoryError</c>).</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Lines with a keyword per minute above which a ticket is filed; 0 means any such line.</summary>
    public double KeywordsPerMinute { get; set; }

    /// <summary>The LogQL range the rates are averaged over (<c>10m</c>).</summary>
    public string Window { get; set; } = "";
}

/// <summary>
/// A rolling app's <c>RollingUpdate</c> settings, each a pod count or a percentage of replicas, as
/// Kubernetes takes them (<c>1</c>, <c>25%</c>); empty for the default (<see cref="Strategies"/>).
/// </summary>
public sealed class RollingConfig
{
    public string MaxSurge { get; set; } = "";

    public string MaxUnavailable { get; set; } = "";
}

/// <summary>Container requests and limits, as Kubernetes quantities.</summary>
public sealed class ResourcesConfig
{
    public string CpuRequest { get; set; } = "";

    public string MemoryRequest { get; set; } = "";

    public string CpuLimit { get; set; } = "";

    public string MemoryLimit { get; set; } = "";
}

/// <summary>A HorizontalPodAutoscaler for the live slot; off while <see cref="MaxReplicas"/> is 0.</summary>
public sealed class AutoscalingConfig
{
    public int MaxReplicas { get; set; }

    public int CpuUtilization { get; set; } = 70;
}
