using Delivery.Core.Kubernetes;

namespace Delivery.Core.Cluster;

/// <summary>
/// Pod Security admission levels per platform namespace: <see cref="Enforce"/> is the least level
/// the namespace's workloads need; <see cref="Audit"/> and <see cref="Warn"/> show how far each is
/// from the next level up without blocking anything.
/// </summary>
public sealed record PodSecurity(string Enforce, string Audit, string Warn)
{
    public const string Restricted = "restricted";
    public const string Baseline = "baseline";
    public const string Privileged = "privileged";

    /// <summary>
    /// The policy version the levels are judged by. Pinned, so a cluster upgrade never tightens the
    /// rules under running workloads; raise it deliberately after checking the audit log.
    /// </summary>
    public const string Version = "v1.33";

    private const string Prefix = "pod-security.kubernetes.io/";

    /// <summary>
    /// apps: our own Deployments run non-root with every capability dropped.
    /// gateway: Envoy Gateway's controller, certgen Job and Envoy proxies run as 65532 with
    /// capabilities dropped and RuntimeDefault seccomp, so restricted holds.
    /// registry: the distribution registry runs as a non-root user with an fsGroup-owned volume.
    /// ci-control: ARC's controller and listeners, GitLab's manager: non-root, restricted.
    /// ci: the runners run restricted, but job pods run the images workflows choose, and Kaniko (the
    /// way images are built here) must run as root in its container to unpack and snapshot a root
    /// filesystem, which restricted rejects. Baseline still forbids privileged pods, host
    /// namespaces, hostPath, added capabilities beyond the default set and unconfined seccomp, so no
    /// Docker-in-Docker; the job template drops every capability but the few Kaniko needs and sets
    /// RuntimeDefault seccomp and no privilege escalation. Audit and warn at restricted show what
    /// could move up.
    /// ci-release: the same as ci, because release jobs publish images with Kaniko too (the job
    /// template keeps its capabilities); ARC's release controller and listener, which run there
    /// beside them, are restricted-compliant.
    /// monitoring: nothing there needs the host, and our chart values give every pod (and
    /// trivy-operator's scan Jobs) non-root, RuntimeDefault seccomp, every capability dropped and no
    /// privilege escalation, so restricted holds (docs/charts, ChartPodSecurityTests).
    /// monitoring-agents: node-exporter needs hostNetwork, hostPID and hostPath mounts of /proc,
    /// /sys and /, and the log collector reads /var/log from the host: only privileged allows that,
    /// and only these two run there. Audit at baseline lists them; warn stays at privileged,
    /// because every node-exporter rollout would warn otherwise.
    /// </summary>
    public static PodSecurity For(string @namespace) => @namespace switch
    {
        PlatformNamespaces.Apps or PlatformNamespaces.Gateway or PlatformNamespaces.Registry or PlatformNamespaces.CiControl
            or PlatformNamespaces.Monitoring => new(Restricted, Restricted, Restricted),
        PlatformNamespaces.Ci or PlatformNamespaces.CiRelease => new(Baseline, Restricted, Restricted),
        PlatformNamespaces.MonitoringAgents => new(Privileged, Baseline, Privileged),
        _ => throw new ArgumentOutOfRangeException(nameof(@namespace), @namespace, "Not a platform namespace."),
    };

    /// <summary>The namespace labels Pod Security admission reads.</summary>
    public IReadOnlyDictionary<string, string> Labels() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [Prefix + "enforce"] = Enforce,
        [Prefix + "enforce-version"] = Version,
        [Prefix + "audit"] = Audit,
        [Prefix + "audit-version"] = Version,
        [Prefix + "warn"] = Warn,
        [Prefix + "warn-version"] = Version,
    };
}
