using System.Globalization;
using Delivery.Core.Configuration;

namespace Delivery.Core.Validation;

/// <summary>
/// Upper bounds of the int settings that feed arithmetic (the namespaces' quotas, retention hours).
/// Each is a practical limit of what the setting drives, far above any real stack; the quota
/// arithmetic is also overflow-safe by itself (see <c>Cluster/ResourceBudgets</c>).
/// </summary>
public static class Bounds
{
    /// <summary>Kubernetes' largest supported cluster holds 150,000 pods (kubernetes.io, "Considerations for large clusters").</summary>
    public const int ClusterPods = 150_000;

    /// <summary>
    /// <c>apps.&lt;name&gt;.replicas</c> and <c>autoscaling.maxReplicas</c>: the apps quota holds both
    /// slots with half again as headroom, 3 × this, which alone fills the largest cluster.
    /// </summary>
    public const int Replicas = ClusterPods / 3;

    /// <summary>
    /// <c>ci.github.minRunners</c> / <c>maxRunners</c> and <c>ci.gitlab.concurrency</c>: an ARC job is a
    /// runner and a workflow pod, with half again as headroom 3 × this in the ci quota, again the largest cluster.
    /// </summary>
    public const int CiJobs = ClusterPods / 3;

    /// <summary>
    /// <c>monitoring.retentionDays</c>: Prometheus, Loki and Tempo parse retention as a Go
    /// time.Duration (int64 nanoseconds), which holds at most 2,562,047 hours, about 106,751 days.
    /// </summary>
    public const int RetentionDays = 106_751;

    /// <summary>
    /// The problem of a value above its bound, or null: names the key, the value, why the bound is
    /// there and the range to set.
    /// </summary>
    internal static ConfigProblem? Above(ConfigPath key, int value, int bound, int lowest, string why) =>
        value <= bound
            ? null
            : ConfigProblem.Error(key, value.ToString(CultureInfo.InvariantCulture), $"is above {Number(bound)}: {why}",
                $"pulumi config set --path {key} <{Number(lowest)}–{Number(bound)}>.");

    /// <summary>Why <see cref="Replicas"/>, for replicas and autoscaling.maxReplicas.</summary>
    internal static string ReplicasWhy(string key) =>
        $"the apps quota holds both slots with half again as headroom (3 × {key}), and Kubernetes' largest supported cluster holds {Number(ClusterPods)} pods.";

    /// <summary>Why <see cref="CiJobs"/>, for the runner counts and GitLab's concurrency.</summary>
    internal const string CiJobsWhy =
        "the ci quota holds each job's pods with half again as headroom (3 pods per ARC job), and Kubernetes' largest supported cluster holds 150000 pods.";

    /// <summary>Why <see cref="RetentionDays"/>.</summary>
    internal const string RetentionWhy =
        "Prometheus, Loki and Tempo read retention as a Go duration, which holds at most 2562047h (about 292 years).";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
