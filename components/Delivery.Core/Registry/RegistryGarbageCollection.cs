using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>
/// Weekly garbage collection of the in-cluster registry: deletes untagged manifests and the blobs
/// no manifest references. The volume is ReadWriteOnce, so the job is scheduled onto the registry
/// pod's node (it needs a running registry; without one it stays pending until its deadline).
/// Known limitation: the distribution docs want the registry read-only or stopped during a
/// collection. It keeps serving here, so a push racing the collection (layers uploaded, manifest
/// not yet) can lose those layers and fail; the collection runs at a quiet hour (Sunday 03:30 UTC),
/// and a failed push succeeds when the CI job is re-run. Until the first push there is nothing to
/// collect and the collector fails ("Path not found"); the next weekly run after a push succeeds.
/// </summary>
public static class RegistryGarbageCollection
{
    public const string Name = "registry-garbage-collect";
    public const string Schedule = "30 3 * * 0";

    /// <summary>The collector's command line; it reads only the storage section of the config.</summary>
    public static IReadOnlyList<string> Command { get; } = ["registry", "garbage-collect", RegistryFileLayout.ConfigPath, "--delete-untagged"];

    public static KubernetesObject Render(Tier tier)
    {
        var labels = StandardLabels.Shared(Name, RegistryRendering.Component);
        var container = Map(
            ("name", "garbage-collect"),
            ("image", RegistryPod.Image),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", ListOf(Command)),
            ("resources", RegistryResources.For(tier)),
            ("securityContext", RegistryPod.ContainerSecurity()),
            ("volumeMounts", List(
                RegistryPod.Mount(RegistryPod.ConfigVolume, RegistryFileLayout.ConfigDirectory, readOnly: true),
                RegistryPod.Mount(RegistryPod.DataVolume, RegistryFileLayout.InCluster.StorageDirectory),
                RegistryPod.Mount(RegistryPod.TmpVolume, "/tmp"))));
        var sameNodeAsRegistry = Map(("podAffinity", Map(("requiredDuringSchedulingIgnoredDuringExecution", List(Map(
            ("labelSelector", Map(("matchLabels", Strings(RegistryDeployment.Selector())))),
            ("topologyKey", "kubernetes.io/hostname")))))));
        var pod = Map(
            ("restartPolicy", "Never"),
            ("automountServiceAccountToken", false),
            ("affinity", sameNodeAsRegistry),
            ("securityContext", RegistryPod.PodSecurity()),
            ("containers", List(container)),
            ("volumes", List(RegistryPod.ConfigMapVolume(), RegistryPod.DataClaimVolume(), RegistryPod.ScratchVolume())));
        return Manifest.Object("batch/v1", "CronJob", Name, PlatformNamespaces.Registry, labels, ("spec", Map(
            ("schedule", Schedule),
            ("timeZone", "Etc/UTC"),
            ("concurrencyPolicy", "Forbid"),
            ("startingDeadlineSeconds", 3600),
            ("successfulJobsHistoryLimit", 1),
            ("failedJobsHistoryLimit", 3),
            ("jobTemplate", Map(("spec", Map(
                ("backoffLimit", 1),
                ("activeDeadlineSeconds", 3600),
                ("template", Map(("metadata", Map(("labels", Strings(labels)))), ("spec", pod))))))))));
    }
}
