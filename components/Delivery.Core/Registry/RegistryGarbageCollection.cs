using Delivery.Core.Configuration;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>
/// Garbage collection of the in-cluster registry: deletes untagged manifests and the blobs no
/// manifest references. The distribution docs want the registry stopped or read-only meanwhile (a
/// push racing the collection, layers uploaded and manifest not yet, would lose its layers), so
/// the collector runs in the registry pod as an init container, before the server starts: the
/// Deployment's Recreate strategy stops the old pod first, so nothing serves, and nothing can push,
/// while it deletes. It runs at every registry start (a pulumi up that changes the pod, a node
/// drain); the maintenance window for a collection on demand is a restart in a quiet hour
/// (<c>kubectl -n registry rollout restart deployment/registry</c>), during which pushes and pulls
/// wait. A failed collection (there is nothing to collect until the first push: "Path not found")
/// is logged and the registry starts anyway.
/// </summary>
public static class RegistryGarbageCollection
{
    public const string Name = "garbage-collect";

    /// <summary>The collector's command line; it reads only the storage section of the config.</summary>
    public static IReadOnlyList<string> Command { get; } = ["registry", "garbage-collect", RegistryFileLayout.ConfigPath, "--delete-untagged"];

    /// <summary>The init container of the registry pod (the image has a shell; the paths have no spaces).</summary>
    public static OrderedDictionary<string, object?> InitContainer(TierProfile profile) => Map(
        ("name", Name),
        ("image", Pins.Registry.Image),
        ("imagePullPolicy", "IfNotPresent"),
        ("command", List("sh", "-c", $"{string.Join(' ', Command)} || echo 'garbage collection failed; the registry starts anyway' >&2")),
        ("resources", RegistryResources.For(profile)),
        ("securityContext", RegistryPod.ContainerSecurity()),
        ("volumeMounts", List(
            RegistryPod.Mount(RegistryPod.ConfigVolume, RegistryFileLayout.ConfigDirectory, readOnly: true),
            RegistryPod.Mount(RegistryPod.DataVolume, RegistryFileLayout.InCluster.StorageDirectory),
            RegistryPod.Mount(RegistryPod.TmpVolume, "/tmp"))));
}
