using System.Text.RegularExpressions;

namespace Delivery.Core.Model.Values;

/// <summary>
/// Which image versions a slot may carry. Outside local only immutable ones: a semantic version
/// (optionally with a pre-release such as <c>-3f9c2ab</c>, the git sha) or a <c>sha256:</c> digest,
/// so that what runs can only change through a config change.
/// </summary>
public static partial class Versions
{
    private static readonly HashSet<string> MovingTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "latest", "main", "master", "develop", "dev", "trunk", "stable", "edge", "nightly", "head",
        "staging", "prod", "production", "release", "current", "next",
    };

    /// <summary>The longest image tag the OCI distribution spec allows.</summary>
    public const int MaxTagLength = 128;

    public static bool IsDigest(string version) => Digest().IsMatch(version);

    public static bool IsSemver(string version) => Semver().IsMatch(version);

    /// <summary>A semantic version pinned to its image digest: <c>1.6.0@sha256:&lt;64 hex&gt;</c>.</summary>
    public static bool IsPinnedSemver(string version) =>
        version.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && IsSemver(version[..at]) && IsDigest(version[(at + 1)..]);

    public static bool IsImmutable(string version) => IsDigest(version) || IsSemver(version) || IsPinnedSemver(version);

    /// <summary>A tag that names a branch or channel and moves over time.</summary>
    public static bool IsMovingTag(string version) =>
        MovingTags.Contains(version) || version.StartsWith("feature-", StringComparison.OrdinalIgnoreCase) || version.Contains('/', StringComparison.Ordinal);

    /// <summary>Anything Docker accepts as a tag (the local tier allows any).</summary>
    public static bool IsDockerTag(string version) => DockerTag().IsMatch(version);

    // SemVer 2.0 without build metadata: '+' is not allowed in an image tag.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$")]
    private static partial Regex Semver();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex DockerTag();
}
