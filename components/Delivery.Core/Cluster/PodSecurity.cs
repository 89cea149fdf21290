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
    /// ci: job pods run the images workflows choose, often as root (container jobs, Kaniko-style
    /// builds), which restricted rejects; baseline still forbids privileged pods, host namespaces,
    /// hostPath, added capabilities and unconfined seccomp/AppArmor, so no Docker-in-Docker: builds
    /// must be rootless or unprivileged. Audit and warn at restricted show the jobs that could move up.
    /// monitoring: node-exporter needs hostNetwork, hostPID and hostPath mounts of /proc, /sys and /,
    /// and log collection reads /var/log from the host: only privileged allows that. Audit at
    /// baseline lists what needs it; warn stays at privileged, because every node-exporter rollout
    /// would warn otherwise.
    /// </summary>
    public static PodSecurity For(string @namespace) => @namespace switch
    {
        PlatformNamespaces.Apps or PlatformNamespaces.Gateway or PlatformNamespaces.Registry => new(Restricted, Restricted, Restricted),
        PlatformNamespaces.Ci => new(Baseline, Restricted, Restricted),
        PlatformNamespaces.Monitoring => new(Privileged, Baseline, Privileged),
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
