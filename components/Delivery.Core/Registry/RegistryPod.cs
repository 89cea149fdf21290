using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>
/// What the registry's pods (the server and the garbage collector) share: the
/// Pod Security "restricted" settings, and the config and data volumes.
/// </summary>
public static class RegistryPod
{
    /// <summary>The image runs as root by default; any fixed non-root id works (one above the system range), and fsGroup makes the volume writable for it.</summary>
    public const int UserId = 10001;

    public const string ConfigMapName = "registry-config";
    public const string HtpasswdSecretName = "registry-htpasswd";
    public const string DataClaimName = "registry-data";

    public const string ConfigVolume = "config";
    public const string AuthVolume = "auth";
    public const string DataVolume = "data";
    public const string TmpVolume = "tmp";

    public static OrderedDictionary<string, object?> PodSecurity() => PodDefaults.RestrictedPod(UserId, UserId, UserId);

    public static OrderedDictionary<string, object?> ContainerSecurity() => PodDefaults.RestrictedContainer(readOnlyRootFilesystem: true);

    public static OrderedDictionary<string, object?> Mount(string volume, string path, bool readOnly = false) =>
        Map(("name", volume), ("mountPath", path), ("readOnly", readOnly ? true : null));

    public static OrderedDictionary<string, object?> ConfigMapVolume() =>
        Map(("name", ConfigVolume), ("configMap", Map(("name", ConfigMapName))));

    public static OrderedDictionary<string, object?> DataClaimVolume() =>
        Map(("name", DataVolume), ("persistentVolumeClaim", Map(("claimName", DataClaimName))));

    public static OrderedDictionary<string, object?> ScratchVolume() =>
        Map(("name", TmpVolume), ("emptyDir", Map(("sizeLimit", "64Mi"))));
}
