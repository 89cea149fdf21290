using Delivery.Core.Configuration;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>One slot version: immutable outside local, pinned to its digest in staging and prod, a valid tag everywhere.</summary>
internal static class VersionRules
{
    private const string Examples = "a semantic version (1.4.2, or 1.4.2-3f9c2ab with the git sha), one pinned to its digest (1.4.2@sha256:<64 hex digits>; staging and prod require it) or a digest (sha256:<64 hex digits>)";

    public static ConfigProblem? Check(ConfigPath path, string version, ValidationContext context)
    {
        var parsed = ImageVersion.Parse(version);
        if (parsed.Tag.Length > Versions.MaxTagLength)
        {
            return ConfigProblem.Error(path, version, $"is {parsed.Tag.Length} characters long; an image tag has at most {Versions.MaxTagLength}.",
                $"shorten the pre-release part (1.4.2-<short git sha>): pulumi config set --path {path} <version>.");
        }
        if (Versions.IsImmutable(version))
        {
            if (context.Profile is { RequiresDigests: true } profile && !parsed.NamesExactImage)
            {
                return ConfigProblem.Error(path, version,
                    $"has no digest: in {context.StackName} ({profile.Name}) a version must name the exact image, since a tag can be pushed again.",
                    $"append the image's digest (docker buildx imagetools inspect <image>:{version}): pulumi config set --path {path} {version}@sha256:<64 hex digits>.");
            }
            return null;
        }
        if (context.Profile?.AcceptsAnyTag == true && Versions.IsDockerTag(version))
            return null;
        if (Versions.IsMovingTag(version))
        {
            return ConfigProblem.Error(path, version,
                $"is a moving tag: what runs could change with no config change, and a rollback could not bring the old image back.",
                $"pin {Examples}: pulumi config set --path {path} <version>.");
        }
        if (version.Contains('+', StringComparison.Ordinal))
        {
            return ConfigProblem.Error(path, version, "has semver build metadata ('+…'), which an image tag cannot carry.",
                $"use a pre-release instead, e.g. {version.Replace('+', '-')}.");
        }
        return ConfigProblem.Error(path, version, $"is not {Examples}.",
            version.StartsWith('v') && Versions.IsSemver(version[1..])
                ? $"drop the leading 'v': pulumi config set --path {path} {version[1..]}."
                : $"pulumi config set --path {path} <version>.");
    }
}
