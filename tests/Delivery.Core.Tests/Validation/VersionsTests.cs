using Delivery.Core.Model.Values;

namespace Delivery.Core.Tests.Validation;

/// <summary>A version's parts: a tag, a digest, or a tag pinned to its digest.</summary>
public sealed class VersionsTests
{
    private const string Digest = "sha256:4e1f2a9c0ffe1234567890abcdef1234567890abcdef1234567890abcdef1234";

    [Theory]
    [InlineData("1.6.0", "1.6.0", "", false)]
    [InlineData("1.6.0@" + Digest, "1.6.0", Digest, true)]
    [InlineData(Digest, "", Digest, true)]
    [InlineData("1.6@" + Digest, "1.6", "", false)] // not semver: no pinned version, so no digest
    [InlineData("1.6.0@sha256:abc", "1.6.0", "", false)]
    public void Tag_digest_and_pinning(string version, string tag, string digest, bool hasDigest)
    {
        Assert.Equal(tag, Versions.Tag(version));
        Assert.Equal(digest, Versions.DigestOf(version));
        Assert.Equal(hasDigest, Versions.HasDigest(version));
    }

    [Theory]
    [InlineData("1.6.0", "1.6.0")]
    [InlineData("1.6.0@" + Digest, "1.6.0@sha256:4e1f2a9c0ffe")]
    [InlineData(Digest, "sha256:4e1f2a9c0ffe")]
    public void A_table_shows_twelve_digits_of_a_digest(string version, string shown) =>
        Assert.Equal(shown, Versions.Abbreviated(version));
}
