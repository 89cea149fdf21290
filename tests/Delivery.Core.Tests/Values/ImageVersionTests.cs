using Delivery.Core.Model.Values;

namespace Delivery.Core.Tests.Values;

/// <summary>A version's parts: a tag, a digest, or a tag pinned to its digest; and what callers derive from them.</summary>
public sealed class ImageVersionTests
{
    private const string Digest = "sha256:4e1f2a9c0ffe1234567890abcdef1234567890abcdef1234567890abcdef1234";

    [Theory]
    [InlineData("1.6.0", "1.6.0", "", false)]
    [InlineData("1.6.0@" + Digest, "1.6.0", Digest, true)]
    [InlineData(Digest, "", Digest, true)]
    [InlineData("dev", "dev", "", false)] // local takes any tag
    [InlineData("1.6@" + Digest, "1.6", "", false)] // not semver: no pinned version, so no digest
    [InlineData("1.6.0@sha256:abc", "1.6.0", "", false)]
    public void Tag_digest_and_pinning(string version, string tag, string digest, bool namesExactImage)
    {
        var parsed = ImageVersion.Parse(version);

        Assert.Equal(version, parsed.Text);
        Assert.Equal(tag, parsed.Tag);
        Assert.Equal(digest, parsed.Digest);
        Assert.Equal(namesExactImage, parsed.NamesExactImage);
        Assert.Equal(namesExactImage && tag.Length > 0, parsed.IsPinned);
    }

    [Theory]
    [InlineData("1.6.0", ":1.6.0")]
    [InlineData("dev", ":dev")]
    [InlineData(Digest, "@" + Digest)]
    [InlineData("1.6.0@" + Digest, ":1.6.0@" + Digest)]
    public void An_image_reference_pulls_a_digest_by_digest_and_keeps_a_pinned_tag_readable(string version, string suffix) =>
        Assert.Equal(suffix, ImageVersion.Parse(version).ReferenceSuffix);

    [Theory]
    [InlineData("1.6.0", "1.6.0")]
    [InlineData("dev", "dev")]
    [InlineData("_dev.", "dev")] // a label value starts and ends alphanumeric
    [InlineData(Digest, "sha256-4e1f2a9c0ffe")]
    [InlineData("1.6.0@" + Digest, "1.6.0-sha256-4e1f2a9c0ffe")]
    public void The_label_keeps_the_tag_and_twelve_digits_of_the_digest(string version, string label) =>
        Assert.Equal(label, ImageVersion.Parse(version).Label);

    [Fact]
    public void A_long_tag_is_cut_to_fit_a_label()
    {
        var tag = "1.0.0-" + new string('a', 100) + "-" + new string('b', 20);

        var label = ImageVersion.Parse(tag).Label;

        Assert.Equal(LabelValues.MaxLength, label.Length);
        Assert.Equal(tag[..LabelValues.MaxLength], label);
    }

    [Fact]
    public void A_long_pinned_tag_is_cut_before_its_digest()
    {
        var tag = "1.0.0-" + string.Join('.', Enumerable.Repeat("abcdefgh", 10));

        var label = ImageVersion.Parse($"{tag}@{Digest}").Label;

        Assert.True(LabelValues.IsValid(label), label);
        Assert.Equal($"{tag[..43]}-sha256-4e1f2a9c0ffe", label);
    }

    [Theory]
    [InlineData("1.6.0", "1.6.0")]
    [InlineData("1.6.0@" + Digest, "1.6.0@sha256:4e1f2a9c0ffe")]
    [InlineData(Digest, "sha256:4e1f2a9c0ffe")]
    public void A_table_shows_twelve_digits_of_a_digest(string version, string shown) =>
        Assert.Equal(shown, ImageVersion.Parse(version).Abbreviated);

    [Fact]
    public void The_text_is_what_the_version_prints_as() =>
        Assert.Equal($"at 1.6.0@{Digest}", $"at {ImageVersion.Parse("1.6.0@" + Digest)}");
}
