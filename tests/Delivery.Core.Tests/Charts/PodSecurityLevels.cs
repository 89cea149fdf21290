using Delivery.Core.Cluster;

namespace Delivery.Core.Tests.Charts;

/// <summary>
/// The Pod Security Standards (v1.33) as admission judges a pod, from the facts a chart's pod has:
/// privileged for host namespaces, hostPath, host ports, privileged containers, capabilities beyond
/// baseline's list or unconfined seccomp; restricted where every container drops ALL (adding at most
/// NET_BIND_SERVICE), runs as non-root (never uid 0), forbids privilege escalation and has a
/// RuntimeDefault or Localhost seccomp profile; baseline otherwise.
/// </summary>
internal static class PodSecurityLevels
{
    /// <summary>The capabilities baseline allows a container to add.</summary>
    private static readonly HashSet<string> BaselineCapabilities =
        ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];

    public static string Of(PodSecurityFacts pod)
    {
        if (pod.HostNetwork || pod.HostPid || pod.HostIpc || pod.HostPaths.Count > 0 || pod.HostPorts.Count > 0 || pod.Privileged
            || pod.CapabilitiesAdded.Any(c => !BaselineCapabilities.Contains(c)) || pod.Seccomp == "Unconfined")
            return PodSecurity.Privileged;
        var restricted = pod.DropsAll && pod.CapabilitiesAdded.All(c => c == "NET_BIND_SERVICE") && pod.RunAsNonRoot && !pod.RunAsRootUser
                         && pod.AllowPrivilegeEscalationFalse && pod.Seccomp is "RuntimeDefault" or "Localhost";
        return restricted ? PodSecurity.Restricted : PodSecurity.Baseline;
    }

    /// <summary>Whether a namespace enforcing <paramref name="enforced"/> admits a pod of <paramref name="level"/>.</summary>
    public static bool Admits(string enforced, string level) => Rank(level) <= Rank(enforced);

    private static int Rank(string level) => level switch
    {
        PodSecurity.Restricted => 0,
        PodSecurity.Baseline => 1,
        PodSecurity.Privileged => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a Pod Security level"),
    };
}
