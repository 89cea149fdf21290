using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Validation;

/// <summary>apps.&lt;name&gt;.build: local tier and Docker registry only, paths inside the project, tags only.</summary>
public sealed class AppBuildRulesTests
{
    private const string P = "delivery-platform:";

    private static readonly (string, string?)[] Local = [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null)];

    /// <summary>The errors of the dev fixture changed by <paramref name="changes"/>, with no secret set (a local stack needs none).</summary>
    private static IReadOnlyList<ConfigProblem> Errors(params (string Key, string? Value)[] changes) =>
        [.. TestConfigs.Load(TestConfigs.ValidDev().With([.. changes]), new Dictionary<string, string>()).Errors];

    [Fact]
    public void A_local_stack_may_build_an_app_from_the_project_folder()
    {
        Assert.Empty(Errors([.. Local, ("apps:api:build:context", "."), ("apps:api:build:dockerfile", "samples/ShopApi/Dockerfile"), ("apps:api:build:platform", "linux/arm64/v8")]));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Outside_local_a_build_is_refused_once_and_names_the_pipeline(string tier)
    {
        var errors = Errors(("environment", tier), ("apps:api:build:context", "../elsewhere"), ("apps:api:build:platform", "amd64"))
            .Where(e => e.Key.StartsWith(P + "apps.api.build", StringComparison.Ordinal)).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(P + "apps.api.build", error.Key);
        Assert.Equal($"builds the image from the working tree, which only the local tier does; in {tier} the app's pipeline builds and pushes it, and deliver promote sets its version.", error.Message);
        Assert.Equal($"pulumi config rm --path {P}apps.api.build.", error.Fix);
    }

    [Fact]
    public void A_local_stack_without_the_docker_registry_cannot_push_a_build()
    {
        var error = Assert.Single(Errors([.. Local, ("registry:mode", "in-cluster"), ("registry:host", "registry.localhost"), ("apps:api:build:context", ".")]),
            e => e.Key == P + "apps.api.build");

        Assert.Equal($"pushes to the local Docker registry, but {P}registry.mode is in-cluster.", error.Message);
        Assert.Equal($"pulumi config set --path {P}registry.mode docker (with {P}cluster.mode k3s-docker), or pulumi config rm --path {P}apps.api.build.", error.Fix);
    }

    [Fact]
    public void Every_problem_of_a_build_is_reported_at_once()
    {
        var errors = Errors([.. Local, ("apps:api:build:dockerfile", "/home/me/Dockerfile"), ("apps:api:build:platform", "amd64"), ("apps:api:blue", "sha256:" + new string('a', 64))]);

        Assert.Equal(
            [
                (P + "apps.api.blue", "names an image by digest, but the stack builds this app: the build pushes the working tree under the version's tag, and cannot make an image with a given digest."),
                (P + "apps.api.build.context", "is required to build the app: the folder docker build sends, relative to the project folder (. for the project folder itself)."),
                (P + "apps.api.build.dockerfile", "must be a path inside the project folder, relative to it with '/' (no leading '/', no '..'), so the stack builds the same on every machine."),
                (P + "apps.api.build.platform", "must be one os/arch[/variant], e.g. linux/amd64 or linux/arm64."),
            ],
            errors.Where(e => e.Key.StartsWith(P + "apps.api.b", StringComparison.Ordinal)).Select(e => (e.Key, e.Message)).Order());
    }

    [Theory]
    [InlineData("../shop")]
    [InlineData("samples/../../shop")]
    [InlineData("/srv/shop")]
    [InlineData("C:/shop")]
    [InlineData(@"samples\ShopApi")]
    public void A_context_outside_the_project_folder_is_refused(string context)
    {
        var error = Assert.Single(Errors([.. Local, ("apps:api:build:context", context)]));

        Assert.Equal((P + "apps.api.build.context", context), (error.Key, error.Value));
        Assert.Equal($"pulumi config set --path {P}apps.api.build.context <folder>, relative to the project folder (. for itself).", error.Fix);
    }

    [Fact]
    public void A_built_version_pinned_to_a_digest_is_refused_with_the_tag_as_the_fix()
    {
        var pinned = "1.5.0@sha256:" + new string('b', 64);
        var error = Assert.Single(Errors([.. Local, ("apps:api:build:context", "."), ("apps:api:green", pinned)]));

        Assert.Equal((P + "apps.api.green", pinned), (error.Key, error.Value));
        Assert.Equal($"pulumi config set --path {P}apps.api.green <tag>, or pulumi config rm --path {P}apps.api.build to run the pushed image.", error.Fix);
    }
}
