using CsCheck;
using Delivery.Core.Apps;
using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class LocalImageBuildsTests
{
    private static readonly string Digest = "sha256:" + new string('c', 64);

    private static DeliveryConfig ApiBuilt(params (string Key, string? Value)[] changes) =>
        Local([("apps:api:build:context", "."), ("apps:api:build:dockerfile", "samples/ShopApi/Dockerfile"), .. changes]);

    /// <summary>The tree as text; JSON, since YAML would show the nodes the rendering shares as anchors.</summary>
    private static string Json(KubernetesObject o) => System.Text.Json.JsonSerializer.Serialize(o.Body);

    private static string ContainerImage(KubernetesObject deployment) =>
        (string)Map(Items(At(deployment, "spec", "template", "spec", "containers"))[0])["image"]!;

    [Fact]
    public void A_built_app_gets_one_image_per_version_tagged_as_its_deployments_name_it()
    {
        var config = ApiBuilt();

        Assert.Equal(
            [
                new LocalImageBuild("api", "1.4.2", ".", "samples/ShopApi/Dockerfile", "", "registry.localhost:5000/shop/api:1.4.2", "registry.localhost:5000"),
                new LocalImageBuild("api", "1.5.0", ".", "samples/ShopApi/Dockerfile", "", "registry.localhost:5000/shop/api:1.5.0", "registry.localhost:5000"),
            ],
            LocalImageBuilds.Of(config));
        Assert.Equal(LocalImageBuilds.Of(config).Select(build => build.ImageName),
            new[] { Slot.Blue, Slot.Green }.Select(slot => ContainerImage(AppDeployment.Render(config.Valid(Tier.Local), "api", slot))));
    }

    [Fact]
    public void The_local_docker_spec_carries_the_builds_and_none_without_build_keys()
    {
        Assert.Equal(LocalImageBuilds.Of(ApiBuilt()), LocalDocker.Render(ApiBuilt())!.Builds);
        Assert.Empty(LocalDocker.Render(Local())!.Builds);
    }

    [Fact]
    public void Both_slots_on_one_version_build_it_once()
    {
        Assert.Equal(["1.5.0"], LocalImageBuilds.Of(ApiBuilt(("apps:api:blue", "1.5.0"))).Select(build => build.Version));
    }

    [Theory]
    [InlineData("./samples/ShopApi/", "", "samples/ShopApi", "samples/ShopApi/Dockerfile")]
    [InlineData(".", "", ".", "Dockerfile")]
    [InlineData("samples//ShopApi", "./build/App.Dockerfile", "samples/ShopApi", "build/App.Dockerfile")]
    public void Paths_are_project_relative_and_the_dockerfile_defaults_to_the_contexts(string context, string dockerfile, string expectedContext, string expectedDockerfile)
    {
        var build = LocalImageBuilds.Of(Local(("apps:web:build:context", context), ("apps:web:build:dockerfile", dockerfile.Length == 0 ? null : dockerfile))).Single();

        Assert.Equal((expectedContext, expectedDockerfile), (build.Context, build.Dockerfile));
        Assert.Equal(Path.GetFullPath(Path.Combine("/work/project", expectedContext)), build.ContextIn("/work/project"));
        Assert.Equal(Path.GetFullPath(Path.Combine("/work/project", expectedDockerfile)), build.DockerfileIn("/work/project"));
    }

    [Fact]
    public void Only_the_docker_registry_gets_builds()
    {
        Assert.Empty(LocalImageBuilds.Of(Dev(("apps:api:build:context", "."))));
    }

    [Fact]
    public void Pinning_runs_the_pushed_digest_under_the_readable_tag_and_leaves_the_rendering_as_it_was()
    {
        var config = ApiBuilt();
        var deployment = AppDeployment.Render(config.Valid(Tier.Local), "api", Slot.Green);
        var before = Json(deployment);

        var pinned = LocalImageBuilds.Pin(deployment, new Dictionary<string, string>
        {
            ["registry.localhost:5000/shop/api:1.5.0"] = "registry.localhost:5000/shop/api@" + Digest,
        });

        Assert.Equal($"registry.localhost:5000/shop/api:1.5.0@{Digest}", ContainerImage(pinned));
        Assert.Equal(before, Json(deployment));
        Assert.Equal(before.Replace("shop/api:1.5.0", $"shop/api:1.5.0@{Digest}", StringComparison.Ordinal), Json(pinned));
    }

    [Fact]
    public void Pinning_leaves_images_that_were_not_built_here()
    {
        var deployment = AppDeployment.Render(ApiBuilt().Valid(Tier.Local), "web", Slot.Blue);

        Assert.Equal(Json(deployment),
            Json(LocalImageBuilds.Pin(deployment, new Dictionary<string, string> { ["registry.localhost:5000/shop/api:1.5.0"] = "registry.localhost:5000/shop/api@" + Digest })));
    }

    [Fact]
    public void Any_pushed_digest_pins_the_tag_to_exactly_that_digest()
    {
        Gen.Byte.Array[32].Sample(bytes =>
        {
            var digest = "sha256:" + Convert.ToHexStringLower(bytes);
            var pinned = LocalImageBuilds.PinnedReference("registry.localhost:5000/shop/api:1.5.0", "registry.localhost:5000/shop/api@" + digest);
            Assert.Equal("registry.localhost:5000/shop/api:1.5.0@" + digest, pinned);
        });
    }

    [Theory]
    [InlineData("sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("registry.localhost:5000/shop/api@sha256:abc")]
    [InlineData("")]
    public void A_push_that_returns_no_repository_digest_is_an_error_naming_the_image(string repoDigest)
    {
        var error = Assert.Throws<ArgumentException>(() => LocalImageBuilds.PinnedReference("registry.localhost:5000/shop/api:1.5.0", repoDigest));

        Assert.StartsWith($"the push of registry.localhost:5000/shop/api:1.5.0 returned \"{repoDigest}\", not <repository>@sha256:<64 hex>.", error.Message, StringComparison.Ordinal);
    }
}
