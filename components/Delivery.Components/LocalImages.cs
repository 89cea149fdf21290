using Delivery.Core.Cluster;
using Pulumi;
using Pulumi.Docker;
using Pulumi.Docker.Inputs;

namespace Delivery.Components;

/// <summary>
/// The app images the local stack builds from the working tree (the core's <see cref="LocalImageBuild"/>s),
/// each pushed to the local registry once its container is healthy. A component of its own, beside
/// <see cref="LocalCluster"/>: what waits for the cluster waits for all its children, and should not
/// wait for builds; only the apps' objects wait for them, through the digests they are pinned to.
/// </summary>
public sealed class LocalImages : ComponentResource
{
    public LocalImages(string name, LocalImagesArgs args, ComponentResourceOptions? options = null)
        : base("delivery:cluster:LocalImages", name, options)
    {
        RepoDigests = args.Builds.ToDictionary(build => build, build => Build(build, args).RepoDigest);
        RegisterOutputs();
    }

    /// <summary>Per image built, its pushed <c>repository@sha256:…</c>.</summary>
    public IReadOnlyDictionary<LocalImageBuild, Output<string>> RepoDigests { get; }

    /// <summary>The local registry takes no credentials: only its server is named.</summary>
    private Image Build(LocalImageBuild build, LocalImagesArgs args)
    {
        var arguments = new DockerBuildArgs { Context = build.ContextIn(args.ProjectFolder), Dockerfile = build.DockerfileIn(args.ProjectFolder) };
        if (build.Platform.Length > 0)
            arguments.Platform = build.Platform;
        return new Image(build.ResourceName, new ImageArgs
        {
            ImageName = build.ImageName,
            Build = arguments,
            Registry = new RegistryArgs { Server = build.RegistryServer },
        }, new CustomResourceOptions { Parent = this, DependsOn = new List<Resource> { args.Registry } });
    }
}

/// <param name="ProjectFolder">The folder holding Pulumi.yaml, which build paths are relative to.</param>
/// <param name="Registry">The registry container the images are pushed to.</param>
public sealed record LocalImagesArgs(IReadOnlyList<LocalImageBuild> Builds, string ProjectFolder, Resource Registry);
