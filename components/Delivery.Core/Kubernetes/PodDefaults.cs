using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// The secure settings every workload the core renders starts from (Pod Security "restricted":
/// non-root, no privilege escalation, every capability dropped, the runtime's seccomp profile),
/// and the requests/limits map. One home, so a workload cannot drift from the others.
/// </summary>
public static class PodDefaults
{
    /// <summary>A container's <c>securityContext</c>; ids are left to the pod or the image when null.</summary>
    public static OrderedDictionary<string, object?> RestrictedContainer(bool readOnlyRootFilesystem, int? user = null, int? group = null) => Map(
        ("allowPrivilegeEscalation", false),
        ("readOnlyRootFilesystem", readOnlyRootFilesystem ? true : null),
        ("runAsNonRoot", true),
        ("runAsUser", user),
        ("runAsGroup", group),
        ("capabilities", Map(("drop", List("ALL")))));

    /// <summary>A pod's <c>securityContext</c>; ids are left to the image when null.</summary>
    public static OrderedDictionary<string, object?> RestrictedPod(int? user = null, int? group = null, int? fsGroup = null) => Map(
        ("runAsNonRoot", true),
        ("runAsUser", user),
        ("runAsGroup", group),
        ("fsGroup", fsGroup),
        ("seccompProfile", Map(("type", "RuntimeDefault"))));

    /// <summary>A container's <c>resources</c>; no CPU limit when <paramref name="cpuLimit"/> is null (throttling is worse than sharing for some).</summary>
    public static OrderedDictionary<string, object?> Resources(string cpuRequest, string memoryRequest, string? cpuLimit, string memoryLimit) => Map(
        ("requests", Map(("cpu", cpuRequest), ("memory", memoryRequest))),
        ("limits", Map(("cpu", cpuLimit), ("memory", memoryLimit))));
}
