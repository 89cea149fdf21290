using System.Security.Cryptography;
using System.Text;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>
/// The registry server: one replica on a ReadWriteOnce volume, replaced with Recreate (two pods
/// cannot hold the volume, and the garbage collector in its init container must run while no
/// registry serves), probed on the debug listener's storage health check, and restarted when its
/// config changes (the config's hash is on the pod template).
/// </summary>
public static class RegistryDeployment
{
    public const string Name = "registry";
    public const string ConfigHashAnnotation = "delivery-platform/config-hash";

    public static KubernetesObject Render(TierProfile profile)
    {
        var labels = StandardLabels.Shared(Name, RegistryRenderer.Component);
        var configHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RegistryConfigFile.Render(RegistryFileLayout.InCluster))))[..16];
        return Manifest.Object("apps/v1", "Deployment", Name, PlatformNamespaces.Registry, labels, ("spec", Map(
            ("replicas", 1),
            ("revisionHistoryLimit", 3),
            ("selector", Map(("matchLabels", Strings(Selector())))),
            ("strategy", Map(("type", "Recreate"))),
            ("template", Map(
                ("metadata", Map(("labels", Strings(labels)), ("annotations", Map((ConfigHashAnnotation, configHash))))),
                ("spec", PodSpec(profile)))))));
    }

    /// <summary>The registry server's pods: the Service selects them.</summary>
    public static SortedDictionary<string, string> Selector() => new(StringComparer.Ordinal)
    {
        [StandardLabels.Name] = Name,
        [StandardLabels.Instance] = Name,
    };

    private static OrderedDictionary<string, object?> PodSpec(TierProfile profile)
    {
        var health = Map(("path", RegistryConfigFile.HealthPath), ("port", "metrics"));
        var layout = RegistryFileLayout.InCluster;
        var container = Map(
            ("name", Name),
            ("image", Pins.Registry.Image),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", List("registry", "serve", RegistryFileLayout.ConfigPath)),
            ("ports", List(
                Map(("name", "http"), ("containerPort", RegistryFileLayout.HttpPort), ("protocol", "TCP")),
                Map(("name", "metrics"), ("containerPort", RegistryFileLayout.MetricsPort), ("protocol", "TCP")))),
            ("readinessProbe", Map(("httpGet", health), ("periodSeconds", 10), ("failureThreshold", 3))),
            ("livenessProbe", Map(("httpGet", health), ("initialDelaySeconds", 10), ("periodSeconds", 20), ("failureThreshold", 6))),
            ("resources", RegistryResources.For(profile)),
            ("securityContext", RegistryPod.ContainerSecurity()),
            ("volumeMounts", List(
                RegistryPod.Mount(RegistryPod.ConfigVolume, RegistryFileLayout.ConfigDirectory, readOnly: true),
                RegistryPod.Mount(RegistryPod.AuthVolume, RegistryFileLayout.AuthDirectory, readOnly: true),
                RegistryPod.Mount(RegistryPod.DataVolume, layout.StorageDirectory),
                RegistryPod.Mount(RegistryPod.TmpVolume, "/tmp"))));
        return Map(
            ("automountServiceAccountToken", false),
            ("securityContext", RegistryPod.PodSecurity()),
            ("initContainers", List(RegistryGarbageCollection.InitContainer(profile))),
            ("containers", List(container)),
            ("volumes", List(
                RegistryPod.ConfigMapVolume(),
                Map(("name", RegistryPod.AuthVolume), ("secret", Map(("secretName", RegistryPod.HtpasswdSecretName)))),
                RegistryPod.DataClaimVolume(),
                RegistryPod.ScratchVolume())));
    }
}
