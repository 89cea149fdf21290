using System.Globalization;
using Delivery.Core.Model;
using Delivery.Core.Network;
using Delivery.Core.Registry;

namespace Delivery.Core.Cluster;

/// <summary>
/// The local stack's Docker side (cluster.mode k3s-docker): a k3s server container and, with
/// registry.mode docker, a registry container, on one network, published on loopback only.
/// </summary>
public static class LocalDocker
{
    public const string Loopback = "127.0.0.1";

    /// <summary>The port the k3s API server listens on inside its container.</summary>
    public const int K3sApiPort = 6443;

    /// <summary>The Gateway's listener ports; k3s's ServiceLB binds the Envoy LoadBalancer Service to them on the node (the container).</summary>
    public static readonly IReadOnlyList<int> GatewayPorts = [80, 443];

    public const string K3sDataPath = "/var/lib/rancher/k3s";
    public const string RegistryDataPath = "/var/lib/registry";

    /// <summary>Restart with the Docker daemon unless stopped by hand, so the cluster comes back after a reboot.</summary>
    public const string RestartPolicy = "unless-stopped";

    /// <summary>
    /// k3s's bundled Traefik ingress is off: Envoy Gateway serves the Gateway API instead. ServiceLB
    /// stays on, because it is what exposes Envoy's LoadBalancer Service on the node's ports 80/443
    /// (published below); metrics-server (for autoscaling), local-path storage and CoreDNS stay too.
    /// </summary>
    public static readonly IReadOnlyList<string> DisabledComponents = ["traefik"];

    public static LocalDockerSpec? Render(DeliveryConfig config)
    {
        if (config.Cluster.Kind != ClusterMode.K3sDocker)
            return null;
        var prefix = $"{DeliveryProject.Name}-{config.Environment}";
        var network = new DockerNetworkSpec(prefix);
        var k3sVolume = new DockerVolumeSpec($"{prefix}-k3s-data", config.Protect);
        var registry = config.Registry.Kind == RegistryMode.Docker ? Registry(config, prefix, network) : null;
        var volumes = registry is null ? [k3sVolume] : new[] { new DockerVolumeSpec(registry.Volumes[0].VolumeName, config.Protect), k3sVolume };
        return new LocalDockerSpec(network, volumes, registry, K3sServer(config, prefix, network, k3sVolume, registry), [K3sAdminToken.Password],
            LocalImageBuilds.Of(config));
    }

    /// <summary>The k3s server's arguments (after the image's <c>k3s</c> entrypoint).</summary>
    public static IReadOnlyList<string> K3sCommand(K3sConfig k3s, string nodeName) =>
    [
        "server",
        $"--node-name={nodeName}",
        $"--https-listen-port={K3sApiPort.ToString(CultureInfo.InvariantCulture)}",
        .. new[] { Loopback }.Concat(k3s.TlsSans).Distinct(StringComparer.Ordinal).Select(san => $"--tls-san={san}"),
        .. DisabledComponents.Select(component => $"--disable={component}"),
        // The kubeconfig k3s writes inside the container stays root-only; the shell builds its own.
        "--write-kubeconfig-mode=600",
        $"--kube-apiserver-arg=token-auth-file={K3sAdminToken.FilePath}",
    ];

    /// <summary>
    /// Privileged, as upstream's docker-compose and k3d run it: k3s runs containerd, kubelet and
    /// kube-proxy inside the container, which mount filesystems, manage cgroups, load iptables rules
    /// and create network namespaces for pods. /run and /var/run are tmpfs (as k3d does) so stale
    /// sockets and pid files never survive a restart; the cluster's state lives on a named volume,
    /// so replacing the container (a new k3s version) keeps it.
    /// </summary>
    private static DockerContainerSpec K3sServer(DeliveryConfig config, string prefix, DockerNetworkSpec network, DockerVolumeSpec data, DockerContainerSpec? registry)
    {
        var name = $"{prefix}-k3s";
        var uploads = new List<DockerUpload> { new(K3sAdminToken.FilePath, new AdminTokenFileContent(K3sAdminToken.Password.Name)) };
        if (registry is not null)
            uploads.Add(new DockerUpload(K3sRegistries.FilePath, new LiteralContent(K3sRegistries.Render(config.Registry, registry.Name))));
        return new DockerContainerSpec(
            name,
            $"{config.Cluster.K3s.Image}:{config.Cluster.K3s.Version}",
            K3sCommand(config.Cluster.K3s, name),
            [],
            [
                new DockerPortSpec(K3sApiPort, config.Cluster.K3s.ApiPort, Loopback),
                .. GatewayPorts.Select(port => new DockerPortSpec(port, port, Loopback)),
            ],
            [new DockerNetworkAttachment(network.Name, [])],
            [new DockerVolumeMount(data.Name, K3sDataPath)],
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["/run"] = "", ["/var/run"] = "" },
            uploads,
            Privileged: true,
            RestartPolicy)
        {
            // Ready when the API server says so; k3s ships kubectl, pointed at its own admin kubeconfig.
            HealthCheck = new DockerHealthCheck(["CMD", "k3s", "kubectl", "get", "--raw=/readyz"]),
        };
    }

    /// <summary>
    /// The registry on the host's loopback (for <c>docker push registry.localhost:&lt;port&gt;/…</c>)
    /// and on the cluster's network under its container name (for k3s's pulls). Deletes are enabled
    /// so old local images can be cleaned up.
    /// </summary>
    private static DockerContainerSpec Registry(DeliveryConfig config, string prefix, DockerNetworkSpec network)
    {
        var name = $"{prefix}-registry";
        return new DockerContainerSpec(
            name,
            Pins.Registry.Image,
            [],
            ["REGISTRY_STORAGE_DELETE_ENABLED=true"],
            [new DockerPortSpec(PlatformPorts.Registry, config.Registry.HostPort, Loopback)],
            [new DockerNetworkAttachment(network.Name, [RegistryAddress.LocalHostName])],
            [new DockerVolumeMount($"{name}-data", RegistryDataPath)],
            new SortedDictionary<string, string>(StringComparer.Ordinal),
            [],
            Privileged: false,
            RestartPolicy)
        {
            // The image is Alpine-based: busybox wget asks the API root, which answers 200 without auth.
            HealthCheck = new DockerHealthCheck(["CMD", "wget", "-q", "--spider", $"http://127.0.0.1:{PlatformPorts.Registry}/v2/"], WaitSeconds: 60),
        };
    }
}
