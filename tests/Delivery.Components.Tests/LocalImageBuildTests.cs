using System.Collections;
using System.Collections.Immutable;

namespace Delivery.Components.Tests;

/// <summary>The local stack builds the images of apps with <c>build</c> set, and their pods run the digests the pushes return.</summary>
public sealed class LocalImageBuildTests
{
    private const string Image = "docker:index/image:Image";

    private static Task<StackRun> RunWithApiBuilt() => StackRun.RunAsync("local", StackRun.Committed("local")
        .Set("apps.api.build.context", ".")
        .Set("apps.api.build.dockerfile", "samples/ShopApi/Dockerfile"));

    private static string GroupJson(StackRun run, string group) =>
        string.Join('\n', ((IEnumerable)run.Single("kubernetes:yaml/v2:ConfigGroup", group).Inputs["objs"]).Cast<object?>().Select(Canonical.Json));

    [Fact]
    public async Task Each_version_of_a_built_app_is_built_from_the_project_folder_and_pushed_to_the_local_registry()
    {
        var run = await RunWithApiBuilt();

        Assert.Single(run.OfType("delivery:cluster:LocalImages"));
        var images = run.OfType(Image).OrderBy(image => image.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["api-image-1.5.0", "api-image-1.5.1-4e1f2a9"], images.Select(image => image.Name!));
        var green = images[1];
        Assert.Equal("registry.localhost:5000/shop/api:1.5.1-4e1f2a9", green.Inputs["imageName"]);
        var build = Assert.IsAssignableFrom<IImmutableDictionary<string, object>>(green.Inputs["build"]);
        Assert.Equal(TestRepository.Root(), build["context"]);
        Assert.Equal(Path.Combine(TestRepository.Root(), "samples", "ShopApi", "Dockerfile"), build["dockerfile"]);
        Assert.False(build.ContainsKey("platform"));
        var registry = Assert.IsAssignableFrom<IImmutableDictionary<string, object>>(green.Inputs["registry"]);
        Assert.Equal("registry.localhost:5000", registry["server"]);
        Assert.False(registry.ContainsKey("password"));
    }

    [Fact]
    public async Task The_built_apps_pods_run_the_pushed_digests_and_other_apps_keep_their_tags()
    {
        var run = await RunWithApiBuilt();

        var api = GroupJson(run, "app-api");
        foreach (var version in new[] { "1.5.0", "1.5.1-4e1f2a9" })
        {
            var tagged = $"registry.localhost:5000/shop/api:{version}";
            var digest = Mocks.RepoDigest(tagged)[(Mocks.RepoDigest(tagged).IndexOf('@') + 1)..];
            Assert.Contains($"\"{tagged}@{digest}\"", api, StringComparison.Ordinal);
            Assert.DoesNotContain($"\"{tagged}\"", api, StringComparison.Ordinal);
        }
        Assert.Contains("\"registry.localhost:5000/shop/web:2.4.0\"", GroupJson(run, "app-web"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_build_keys_nothing_is_built()
    {
        var run = await StackRun.RunAsync("local", StackRun.Committed("local"));

        Assert.Empty(run.OfType(Image));
        Assert.Empty(run.OfType("delivery:cluster:LocalImages"));
    }
}
