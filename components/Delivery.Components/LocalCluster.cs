using Delivery.Core.Cluster;
using Pulumi;
using Pulumi.Docker;
using Pulumi.Docker.Inputs;
using Pulumi.Random;
using DockerContainerArgs = Pulumi.Docker.ContainerArgs;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace Delivery.Components;

/// <summary>
/// The local stack's cluster: a Docker network, the registry and k3s containers of the core's
/// <see cref="LocalDockerSpec"/>, and a Kubernetes provider whose kubeconfig carries a generated
/// admin token (uploaded to k3s as its static token file), since nothing can be read out of a
/// container at plan time.
/// </summary>
public sealed class LocalCluster : ComponentResource
{
    public LocalCluster(string name, LocalClusterArgs args, ComponentResourceOptions? options = null)
        : base("delivery:cluster:LocalCluster", name, options)
    {
        var spec = args.Spec;
        var passwords = GeneratedPasswords.Declare(name, spec.Passwords, this);
        var network = new Network(spec.Network.Name, new NetworkArgs { Name = spec.Network.Name }, new CustomResourceOptions { Parent = this });
        var volumes = spec.Volumes.ToDictionary(
            volume => volume.Name,
            volume => new Volume(volume.Name, new VolumeArgs { Name = volume.Name }, new CustomResourceOptions { Parent = this, Protect = volume.Protect }));

        Container? previous = null;
        foreach (var container in spec.Containers)
        {
            var image = new RemoteImage($"{container.Name}-image", new RemoteImageArgs { Name = container.Image, KeepLocally = true },
                new CustomResourceOptions { Parent = this });
            previous = new Container(container.Name, Arguments(container, image, network, volumes, passwords), new CustomResourceOptions
            {
                Parent = this,
                // The registry first: k3s pulls from it as soon as it is up.
                DependsOn = previous is null ? new List<Resource>() : new List<Resource> { previous },
            });
            if (container == spec.Registry)
                RegistryContainer = previous;
        }

        var token = passwords[K3sAdminToken.Password.Name].Result;
        Kubeconfig = Output.CreateSecret(token.Apply(value => LocalKubeconfig.Render(args.ApiPort, value)));
        ClusterProvider = new KubernetesProvider($"{name}-kubernetes", new KubernetesProviderArgs { KubeConfig = Kubeconfig }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = new List<Resource> { previous! },
        });
        RegisterOutputs(new Dictionary<string, object?> { ["kubeconfig"] = Kubeconfig });
    }

    /// <summary>The admin kubeconfig of the local cluster (loopback only), a secret.</summary>
    [Output("kubeconfig")]
    public Output<string> Kubeconfig { get; private set; }

    /// <summary>The provider every Kubernetes resource of the local stack uses.</summary>
    public KubernetesProvider ClusterProvider { get; }

    /// <summary>The registry container (registry.mode docker), which is healthy once created; null without it.</summary>
    public Container? RegistryContainer { get; }

    private static DockerContainerArgs Arguments(
        DockerContainerSpec container, RemoteImage image, Network network, IReadOnlyDictionary<string, Volume> volumes, IReadOnlyDictionary<string, RandomPassword> passwords)
    {
        var arguments = new DockerContainerArgs
        {
            Name = container.Name,
            Image = image.ImageId,
            Command = container.Command.ToList(),
            Envs = container.Env.ToList(),
            Privileged = container.Privileged,
            Restart = container.Restart,
            Ports = container.Ports
                .Select(port => new ContainerPortArgs { Internal = port.Internal, External = port.External, Ip = port.Ip, Protocol = port.Protocol })
                .ToList(),
            NetworksAdvanced = container.Networks
                .Select(attachment => new ContainerNetworksAdvancedArgs { Name = network.Name, Aliases = attachment.Aliases.ToList() })
                .ToList(),
            Volumes = container.Volumes
                .Select(mount => new ContainerVolumeArgs { VolumeName = volumes[mount.VolumeName].Name, ContainerPath = mount.ContainerPath })
                .ToList(),
            Mounts = container.Tmpfs.Keys
                .Select(path => new ContainerMountArgs { Target = path, Type = "tmpfs" })
                .ToList(),
            Uploads = container.Uploads
                .Select(upload => new ContainerUploadArgs { File = upload.File, Content = Content(upload.Content, passwords) })
                .ToList(),
        };
        if (container.HealthCheck is { } check)
        {
            arguments.Healthcheck = new ContainerHealthcheckArgs
            {
                Tests = check.Command.ToList(),
                Interval = $"{check.IntervalSeconds}s",
                Timeout = $"{check.TimeoutSeconds}s",
                Retries = check.Retries,
            };
            arguments.Wait = true;
            arguments.WaitTimeout = check.WaitSeconds;
        }
        return arguments;
    }

    private static Output<string> Content(UploadContent content, IReadOnlyDictionary<string, RandomPassword> passwords) => content switch
    {
        LiteralContent literal => Output.Create(literal.Text),
        AdminTokenFileContent token => Output.CreateSecret(passwords[token.PasswordName].Result.Apply(K3sAdminToken.AuthFile)),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "no Output for this upload"),
    };
}

public sealed record LocalClusterArgs(LocalDockerSpec Spec, int ApiPort);
