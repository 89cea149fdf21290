using CsCheck;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Tests.Values;

/// <summary>Every version a tier accepts, parsed: its parts give back its text, and its label is a valid label value.</summary>
public sealed class ImageVersionProperties
{
    private static readonly Gen<string> Digest =
        Gen.Char["0123456789abcdef"].Array[64, 64].Select(hex => "sha256:" + new string(hex));

    // A pre-release identifier that starts with a letter (a numeric one may not have a leading zero).
    private static readonly Gen<string> Identifier =
        Gen.Select(Gen.Char['a', 'z'], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[0, 11], (first, rest) => first + new string(rest));

    private static readonly Gen<string> Semver =
        Gen.Select(Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999], Identifier.Array[0, 8],
            (major, minor, patch, pre) => $"{major}.{minor}.{patch}" + (pre.Length == 0 ? "" : "-" + string.Join('.', pre)));

    /// <summary>Any tag Docker takes, as the local tier allows.</summary>
    private static readonly Gen<string> DockerTag =
        Gen.Select(Gen.Char["ABCXYZabcxyz0189_"], Gen.Char["ABCXYZabcxyz0189_.-"].Array[0, 127], (first, rest) => first + new string(rest));

    /// <summary>A version with the tag and digest it is made of.</summary>
    private static readonly Gen<(string Text, string Tag, string Digest)> Version = Gen.OneOf(
        Semver.Select(tag => (tag, tag, "")),
        DockerTag.Select(tag => (tag, tag, "")),
        Digest.Select(digest => (digest, "", digest)),
        Gen.Select(Semver, Digest, (tag, digest) => ($"{tag}@{digest}", tag, digest)));

    [Fact]
    public void The_parts_give_back_the_text()
    {
        Version.Sample(version =>
        {
            Assert.True(Versions.IsImmutable(version.Text) || Versions.IsDockerTag(version.Text), version.Text);

            var parsed = ImageVersion.Parse(version.Text);

            Assert.Equal((version.Text, version.Tag, version.Digest), (parsed.Text, parsed.Tag, parsed.Digest));
            Assert.Equal(version.Text, string.Join('@', new[] { parsed.Tag, parsed.Digest }.Where(part => part.Length > 0)));
            Assert.Equal(version.Text, parsed.ReferenceSuffix[1..]);
        });
    }

    [Fact]
    public void The_label_is_a_valid_label_value_and_keeps_the_digest()
    {
        Version.Sample(version =>
        {
            var label = ImageVersion.Parse(version.Text).Label;

            Assert.True(LabelValues.IsValid(label), $"{version.Text} → {label}");
            if (version.Digest.Length > 0)
                Assert.EndsWith("sha256-" + version.Digest["sha256:".Length..][..12], label, StringComparison.Ordinal);
        });
    }
}
