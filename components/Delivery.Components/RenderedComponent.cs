using System.Collections.Immutable;
using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Helm.V4;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Chart = Pulumi.Kubernetes.Helm.V4.Chart;
using ConfigGroup = Pulumi.Kubernetes.Yaml.V2.ConfigGroup;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace Delivery.Components;

/// <summary>
/// Declares one core rendering, mechanically and in apply order: generated passwords; a ConfigGroup
/// of its Namespaces; its Secrets (typed, secret, never inside a group or chart values); a protected
/// ConfigGroup of its volumes; its Helm charts, one after another; a ConfigGroup of everything else. Each step waits
/// for the ones before it and for <see cref="RenderedComponentArgs.DependsOn"/>.
/// </summary>
public abstract class RenderedComponent : ComponentResource
{
    protected RenderedComponent(string type, string name, RenderedComponentArgs args, ComponentResourceOptions? options)
        : base(type, name, options)
    {
        var rendering = args.Rendering;
        var passwords = GeneratedPasswords.Declare(name, rendering.Passwords, this);
        var secrets = new SecretOutputs(passwords);
        var after = new List<Resource>(args.DependsOn);
        after.AddRange(DeclareGroup($"{name}-namespaces", rendering.Objects.Where(IsNamespace), args, after, protect: false));

        var secretResources = rendering.Secrets.Select(spec => DeclareSecret(name, spec, secrets, args, after)).ToList();
        var storage = DeclareGroup($"{name}-storage", rendering.Objects.Where(IsStorage), args, after, protect: args.Protect);
        after.AddRange(secretResources);
        after.AddRange(storage);

        // Charts go one after another, in the core's order: a chart that installs CRDs (the ARC
        // controller, kube-prometheus-stack) comes before those that create their objects.
        var charts = new List<Resource>();
        foreach (var chart in rendering.Charts)
            charts.Add(DeclareChart(name, chart, args, [.. after, .. charts]));
        after.AddRange(charts);
        DeclareGroup(name, rendering.Objects.Where(o => !IsNamespace(o) && !IsStorage(o)), args, after, protect: false);
    }

    private static bool IsNamespace(KubernetesObject o) => o.Kind == "Namespace";

    /// <summary>Volumes hold the data that must survive: they alone are protected.</summary>
    private static bool IsStorage(KubernetesObject o) => o.Kind == "PersistentVolumeClaim";

    /// <summary>A ConfigGroup of plain objects; none when there are no objects.</summary>
    private IEnumerable<Resource> DeclareGroup(string name, IEnumerable<KubernetesObject> objects, RenderedComponentArgs args, List<Resource> dependsOn, bool protect)
    {
        var listed = objects.ToList();
        if (listed.Count == 0)
            return [];
        return
        [
            new ConfigGroup(name, new ConfigGroupArgs { Objs = Bodies(listed, args.RepoDigests) }, new ComponentResourceOptions
            {
                Parent = this,
                Provider = args.Provider,
                DependsOn = new List<Resource>(dependsOn),
                Protect = protect,
            }),
        ];
    }

    /// <summary>The objects' bodies; with images built here, once their pushes return the digests their containers are pinned to.</summary>
    private static InputList<object> Bodies(IReadOnlyList<KubernetesObject> objects, IReadOnlyDictionary<string, Output<string>> repoDigests)
    {
        if (repoDigests.Count == 0)
            return objects.Select(o => (object)o.Body).ToList();
        var images = repoDigests.Keys.ToList();
        return Output.All(images.Select(image => repoDigests[image])).Apply(digests =>
        {
            var byImage = images.Zip(digests).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
            return objects.Select(o => (object)LocalImageBuilds.Pin(o, byImage).Body).ToImmutableArray();
        });
    }

    private KubernetesSecret DeclareSecret(string prefix, SecretSpec spec, SecretOutputs secrets, RenderedComponentArgs args, List<Resource> dependsOn)
    {
        var data = new InputMap<string>();
        foreach (var entry in spec.Entries)
            data.Add(entry.Key, secrets.Resolve(entry.Source));
        return new KubernetesSecret($"{prefix}-{spec.Namespace}-{spec.Name}", new SecretArgs
        {
            Metadata = new ObjectMetaArgs { Name = spec.Name, Namespace = spec.Namespace, Labels = new Dictionary<string, string>(spec.Labels) },
            Type = spec.Type,
            StringData = data,
        }, new CustomResourceOptions { Parent = this, Provider = args.Provider, DependsOn = new List<Resource>(dependsOn) });
    }

    private Chart DeclareChart(string prefix, HelmChartSpec chart, RenderedComponentArgs args, List<Resource> dependsOn)
    {
        var chartArgs = new ChartArgs
        {
            Name = chart.ReleaseName,
            Chart = chart.Chart,
            Version = chart.Version,
            Namespace = chart.Namespace,
            // The core guarantees no null values (Pulumi would drop them); nested maps and lists pass as they are.
            Values = chart.Values.ToDictionary(value => value.Key, value => value.Value!),
            SkipCrds = chart.SkipCrds,
        };
        if (chart.Repository.Length > 0)
            chartArgs.RepositoryOpts = new RepositoryOptsArgs { Repo = chart.Repository };
        return new Chart($"{prefix}-{chart.ReleaseName}", chartArgs, new ComponentResourceOptions
        {
            Parent = this,
            Provider = args.Provider,
            DependsOn = new List<Resource>(dependsOn),
            Protect = args.Protect,
        });
    }
}
