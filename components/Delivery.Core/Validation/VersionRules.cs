using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>One slot version: immutable outside local, a valid tag everywhere.</summary>
internal static class VersionRules
{
    private const string Examples = "a semantic version (1.4.2, or 1.4.2-3f9c2ab with the git sha) or a digest (sha256:<64 hex digits>)";

    public static ConfigProblem? Check(ConfigPath path, string version, ValidationContext context)
    {
        // The tag is what comes before a pinned digest (1.6.0@sha256:…); a digest alone is no tag.
        var tag = version.Split('@')[0];
        if (!Versions.IsDigest(version) && tag.Length > Versions.MaxTagLength)
        {
            return ConfigProblem.Error(path, version, $"is {tag.Length} characters long; an image tag has at most {Versions.MaxTagLength}.",
                $"shorten the pre-release part (1.4.2-<short git sha>): pulumi config set --path {path} <version>.");
        }
        if (Versions.IsImmutable(version))
            return null;
        if (context.Tier == Tier.Local && Versions.IsDockerTag(version))
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
