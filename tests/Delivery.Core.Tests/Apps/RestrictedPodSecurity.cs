namespace Delivery.Core.Tests.Apps;

/// <summary>
/// The Pod Security Standard "restricted" profile as a test oracle, written from the standard
/// (kubernetes.io/docs/concepts/security/pod-security-standards): it lists every violation in a pod spec.
/// </summary>
internal static class RestrictedPodSecurity
{
    private static readonly HashSet<string> AllowedVolumeTypes =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    public static IReadOnlyList<string> Violations(OrderedDictionary<string, object?> pod)
    {
        var found = new List<string>();
        foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (pod.GetValueOrDefault(host) is true)
                found.Add($"{host} is true");
        }
        var podSecurity = pod.GetValueOrDefault("securityContext") as OrderedDictionary<string, object?> ?? [];
        foreach (var volume in List(pod, "volumes").Cast<OrderedDictionary<string, object?>>())
        {
            var type = volume.Keys.Single(k => k != "name");
            if (!AllowedVolumeTypes.Contains(type))
                found.Add($"volume {volume["name"]} is of type {type}");
        }
        var containers = List(pod, "containers").Concat(List(pod, "initContainers")).Cast<OrderedDictionary<string, object?>>().ToList();
        if (containers.Count == 0)
            found.Add("no containers");
        foreach (var container in containers)
        {
            var name = container["name"];
            var security = container.GetValueOrDefault("securityContext") as OrderedDictionary<string, object?> ?? [];
            if (security.GetValueOrDefault("privileged") is true)
                found.Add($"{name}: privileged");
            if (security.GetValueOrDefault("allowPrivilegeEscalation") is not false)
                found.Add($"{name}: allowPrivilegeEscalation is not false");
            if ((security.GetValueOrDefault("runAsNonRoot") ?? podSecurity.GetValueOrDefault("runAsNonRoot")) is not true)
                found.Add($"{name}: runAsNonRoot is not true");
            if ((security.GetValueOrDefault("runAsUser") ?? podSecurity.GetValueOrDefault("runAsUser")) is 0)
                found.Add($"{name}: runAsUser is 0");
            var seccomp = (security.GetValueOrDefault("seccompProfile") ?? podSecurity.GetValueOrDefault("seccompProfile")) as OrderedDictionary<string, object?>;
            if (seccomp?.GetValueOrDefault("type") is not ("RuntimeDefault" or "Localhost"))
                found.Add($"{name}: seccompProfile is not RuntimeDefault or Localhost");
            var capabilities = security.GetValueOrDefault("capabilities") as OrderedDictionary<string, object?> ?? [];
            if (!List(capabilities, "drop").Contains("ALL"))
                found.Add($"{name}: capabilities do not drop ALL");
            if (List(capabilities, "add").Any(c => c is not "NET_BIND_SERVICE"))
                found.Add($"{name}: adds capabilities beyond NET_BIND_SERVICE");
            if (List(container, "ports").Cast<OrderedDictionary<string, object?>>().Any(p => p.ContainsKey("hostPort")))
                found.Add($"{name}: uses a hostPort");
        }
        return found;
    }

    private static List<object?> List(OrderedDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as List<object?> ?? [];
}
