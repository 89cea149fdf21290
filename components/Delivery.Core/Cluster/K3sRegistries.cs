using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using Delivery.Core.Registry;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// k3s's <c>/etc/rancher/k3s/registries.yaml</c>: containerd pulls the local registry's name
/// (<c>registry.localhost:&lt;hostPort&gt;</c>, which on the host is loopback) from the registry
/// container over the Docker network, in plain http. So one image reference works for
/// <c>docker push</c> on the host and for pods in the cluster.
/// </summary>
public static class K3sRegistries
{
    public const string FilePath = "/etc/rancher/k3s/registries.yaml";

    public static string Render(RegistryConfig registry, string registryContainer) =>
        YamlWriter.Write(Map(("mirrors", Map((RegistryAddress.Of(registry), Map(
            ("endpoint", List($"http://{registryContainer}:{PlatformPorts.Registry}"))))))));
}
