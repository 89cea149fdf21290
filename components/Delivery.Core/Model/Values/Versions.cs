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

    /// <summary>The version names an exact image: a digest, alone or after its tag.</summary>
    public static bool HasDigest(string version) => IsDigest(version) || IsPinnedSemver(version);

    /// <summary>The tag part of a version (<c>1.6.0</c> of <c>1.6.0@sha256:…</c>); empty for a bare digest.</summary>
    public static string Tag(string version) =>
        IsDigest(version) ? "" : version.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? version[..at] : version;

    /// <summary>The digest part of a version (<c>sha256:…</c>); empty when it has none.</summary>
    public static string DigestOf(string version) =>
        IsDigest(version) ? version : IsPinnedSemver(version) ? version[(version.IndexOf('@', StringComparison.Ordinal) + 1)..] : "";

    /// <summary>Digest hex digits kept when a table shows a version, as docker shows image ids.</summary>
    private const int ShownDigestDigits = 12;

    /// <summary>A version for a table: a digest cut to its first 12 hex digits (<c>1.6.0@sha256:4e1f2a9c0ffe</c>).</summary>
    public static string Abbreviated(string version)
    {
        var digest = DigestOf(version);
        if (digest.Length == 0)
            return version;
        var shown = digest[..("sha256:".Length + ShownDigestDigits)];
        var tag = Tag(version);
        return tag.Length == 0 ? shown : $"{tag}@{shown}";
    }

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
