using Delivery.Core.Apps;
using Delivery.Core.Ci;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Platform;
using Delivery.Core.Registry;
using Pulumi;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace Delivery.Components;

/// <summary>
/// The root of a stack: the local cluster and the app images it builds (local stack) or a provider
/// for an existing one, then the baseline, registry, CI runners, monitoring and every app, in that
/// order, all on one explicit Kubernetes provider.
/// </summary>
public sealed class DeliveryEnvironment : ComponentResource
{
    public DeliveryEnvironment(string name, DeliveryEnvironmentArgs args, ComponentResourceOptions? options = null)
        : base("delivery:index:DeliveryEnvironment", name, options)
    {
        var config = args.Stack.Config;
        var rendering = args.Rendering;
        var parent = new ComponentResourceOptions { Parent = this };

        LocalCluster = rendering.LocalDocker is { } local
            ? new LocalCluster("local-cluster", new LocalClusterArgs(local, config.Cluster.K3s.ApiPort), parent)
            : null;
        var images = rendering.LocalDocker is { Builds.Count: > 0 } docker
            ? new LocalImages("local-images", new LocalImagesArgs(docker.Builds, args.ProjectFolder, LocalCluster!.RegistryContainer!), parent)
            : null;
        ProviderResource provider = LocalCluster?.ClusterProvider ?? ExistingClusterProvider(config.Cluster);
        List<Resource> Needs(params RenderedComponent[] components) => [.. LocalCluster is null ? [] : new Resource[] { LocalCluster }, .. components];
        RenderedComponentArgs Resources(string component, bool protect, List<Resource> dependsOn) =>
            new(rendering.Components.Single(c => c.Component == component), provider, dependsOn, protect);

        var baselineResources = Resources(Core.Cluster.ClusterBaselineRenderer.Component, false, Needs());
        var baseline = new ClusterBaseline(baselineResources.Rendering.ResourceName, baselineResources, parent);
        var registryResources = Resources(RegistryRenderer.Component, config.Protect, Needs(baseline));
        Registry = new ContainerRegistry(registryResources.Rendering.ResourceName, new ContainerRegistryArgs(registryResources, args.Endpoints.RegistryUrl), parent);
        var runnerResources = Resources(CiRunnersRenderer.Component, false, Needs(baseline, Registry));
        _ = new CiRunners(runnerResources.Rendering.ResourceName, runnerResources, parent);
        var monitoringResources = Resources(MonitoringRenderer.Component, config.Protect, Needs(baseline));
        Monitoring = new Monitoring(monitoringResources.Rendering.ResourceName, new MonitoringArgs(monitoringResources, args.Endpoints.GrafanaUrl), parent);
        Apps = config.Apps.Keys.Order(StringComparer.Ordinal).ToDictionary(app => app, app =>
        {
            var appResources = Resources(AppRenderer.ComponentName(app), false, Needs(baseline, Registry, Monitoring)) with
            {
                RepoDigests = images?.RepoDigests.Where(built => built.Key.App == app).ToDictionary(built => built.Key.ImageName, built => built.Value)
                              ?? new Dictionary<string, Output<string>>(),
            };
            return new DeployedApp(appResources.Rendering.ResourceName, new DeployedAppArgs(appResources, AppSummary.Of(args.Stack, app)), parent);
        });

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["registryUrl"] = Registry.Url,
            ["grafanaUrl"] = Monitoring.GrafanaUrl,
        });
    }

    public LocalCluster? LocalCluster { get; }

    public ContainerRegistry Registry { get; }

    public Monitoring Monitoring { get; }

    public IReadOnlyDictionary<string, DeployedApp> Apps { get; }

    private KubernetesProvider ExistingClusterProvider(ClusterConfig cluster)
    {
        var arguments = new KubernetesProviderArgs { KubeConfig = Output.CreateSecret(cluster.Kubeconfig.Reveal()) };
        if (cluster.Context.Length > 0)
            arguments.Context = cluster.Context;
        return new KubernetesProvider("kubernetes", arguments, new CustomResourceOptions { Parent = this });
    }
}

/// <param name="ProjectFolder">The folder holding Pulumi.yaml: the local stack's image builds are relative to it.</param>
public sealed record DeliveryEnvironmentArgs(ValidStack Stack, PlatformRendering Rendering, PlatformEndpoints Endpoints, string ProjectFolder);
