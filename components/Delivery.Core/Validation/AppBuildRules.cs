using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>
/// <c>apps.&lt;name&gt;.build</c>: only the local tier builds images from the working tree, into its
/// Docker registry; paths stay inside the project; a built app's versions are tags, since the build
/// pushes the working tree under them and cannot make an image with a given digest.
/// </summary>
internal static partial class AppBuildRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath path, AppConfig app, DeliveryConfig config, ValidationContext context)
    {
        var build = app.Build;
        if (!build.IsSet)
            yield break;
        var key = path.Key("build");
        if (context.Profile is { Tier: not Tier.Local } profile)
        {
            yield return ConfigProblem.Error(key, null,
                $"builds the image from the working tree, which only the local tier does; in {profile.Name} the app's pipeline builds and pushes it, and deliver promote sets its version.",
                $"pulumi config rm --path {key}.");
            yield break;
        }
        if (config.Registry.Kind != RegistryMode.Docker)
        {
            var mode = ConfigPath.Root("registry").Key("mode");
            yield return ConfigProblem.Error(key, null,
                $"pushes to the local Docker registry, but {mode} is {(config.Registry.Mode.Length == 0 ? "not set" : config.Registry.Mode)}.",
                $"pulumi config set --path {mode} {RegistryConfig.Docker} (with {ConfigPath.Root("cluster").Key("mode")} {ClusterConfig.K3sDocker}), or pulumi config rm --path {key}.");
        }
        var contextKey = key.Key("context");
        if (build.Context.Length == 0)
        {
            yield return ConfigProblem.Error(contextKey, null,
                "is required to build the app: the folder docker build sends, relative to the project folder (. for the project folder itself).",
                $"pulumi config set --path {contextKey} . (or remove every build key: pulumi config rm --path {key}).");
        }
        foreach (var (name, value) in new[] { ("context", build.Context), ("dockerfile", build.Dockerfile) })
        {
            if (value.Length > 0 && !IsInsideProject(value))
            {
                yield return ConfigProblem.Error(key.Key(name), value,
                    "must be a path inside the project folder, relative to it with '/' (no leading '/', no '..'), so the stack builds the same on every machine.",
                    name == "context"
                        ? $"pulumi config set --path {key.Key(name)} <folder>, relative to the project folder (. for itself)."
                        : $"pulumi config set --path {key.Key(name)} <folder>/Dockerfile, relative to the project folder.");
            }
        }
        if (build.Platform.Length > 0 && !PlatformPattern().IsMatch(build.Platform))
        {
            yield return ConfigProblem.Error(key.Key("platform"), build.Platform, "must be one os/arch[/variant], e.g. linux/amd64 or linux/arm64.",
                $"pulumi config set --path {key.Key("platform")} linux/amd64, or remove it to build for the Docker engine's own platform.");
        }
        foreach (var (versionKey, version) in new[] { (AppKeys.Blue, app.Blue), (AppKeys.Green, app.Green), (AppKeys.Version, app.Version) })
        {
            if (version.Contains('@', StringComparison.Ordinal) || Versions.IsDigest(version))
            {
                yield return ConfigProblem.Error(path.Key(versionKey), version,
                    "names an image by digest, but the stack builds this app: the build pushes the working tree under the version's tag, and cannot make an image with a given digest.",
                    $"pulumi config set --path {path.Key(versionKey)} <tag>, or pulumi config rm --path {key} to run the pushed image.");
            }
        }
    }

    private static bool IsInsideProject(string path) =>
        !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment != "..");

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$")]
    private static partial Regex PlatformPattern();
}
