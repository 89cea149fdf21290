namespace Delivery.Core.Model.Values;

/// <summary>
/// A slot's image version, parsed once from the config text: a tag (<c>1.6.0</c>), a digest
/// (<c>sha256:…</c>), or a semantic version pinned to its digest (<c>1.6.0@sha256:…</c>).
/// <see cref="Versions"/> says which versions a tier accepts; this says what their parts are.
/// </summary>
public sealed record ImageVersion
{
    /// <summary>Digest hex digits a label or a wide table keeps, as docker shows image ids.</summary>
    private const int ShortDigestDigits = 12;

    private const string Algorithm = "sha256:";

    private ImageVersion(string text, string tag, string digest) => (Text, Tag, Digest) = (text, tag, digest);

    /// <summary>The version as the config gives it.</summary>
    public string Text { get; }

    /// <summary>The tag part: what comes before any <c>@</c> (<c>1.6.0</c> of <c>1.6.0@sha256:…</c>); empty for a bare digest.</summary>
    public string Tag { get; }

    /// <summary>The digest part (<c>sha256:…</c>) of a digest or a pinned semantic version; empty otherwise.</summary>
    public string Digest { get; }

    public static ImageVersion Parse(string text) =>
        Versions.IsDigest(text) ? new(text, "", text)
        : Versions.IsPinnedSemver(text) ? new(text, text[..text.IndexOf('@', StringComparison.Ordinal)], text[(text.IndexOf('@', StringComparison.Ordinal) + 1)..])
        : new(text, text.Split('@')[0], "");

    /// <summary>The version names an exact image: a digest, alone or after its tag.</summary>
    public bool NamesExactImage => Digest.Length > 0;

    /// <summary>A tag pinned to its digest (<c>1.6.0@sha256:…</c>).</summary>
    public bool IsPinned => Tag.Length > 0 && Digest.Length > 0;

    /// <summary>
    /// What follows the repository in an image reference: <c>@sha256:…</c> for a digest, else
    /// <c>:</c> and the text (<c>:1.6.0</c>, <c>:1.6.0@sha256:…</c>: the runtime pulls by the digest,
    /// and the tag stays readable).
    /// </summary>
    public string ReferenceSuffix => Tag.Length == 0 && Digest.Length > 0 ? $"@{Digest}" : $":{Text}";

    /// <summary>
    /// The version as a label value: a digest becomes <c>sha256-</c> and its first 12 hex digits; a
    /// pinned version its tag, then that (<c>1.6.0-sha256-4e1f2a9c0ffe</c>). A long tag is cut to fit,
    /// before the digest: the digest tells the images apart.
    /// </summary>
    public string Label
    {
        get
        {
            var digestLabel = Digest.Length == 0 ? "" : $"sha256-{DigestHex(ShortDigestDigits)}";
            var room = digestLabel.Length == 0 ? LabelValues.MaxLength : LabelValues.MaxLength - digestLabel.Length - 1;
            var tagLabel = LabelValues.Sanitize(Tag.Length > room ? Tag[..room] : Tag);
            if (tagLabel.Length == 0)
                return digestLabel;
            return digestLabel.Length == 0 ? tagLabel : $"{tagLabel}-{digestLabel}";
        }
    }

    /// <summary>The version for a table: a digest cut to its first 12 hex digits (<c>1.6.0@sha256:4e1f2a9c0ffe</c>).</summary>
    public string Abbreviated
    {
        get
        {
            if (Digest.Length == 0)
                return Text;
            var shown = $"{Algorithm}{DigestHex(ShortDigestDigits)}";
            return Tag.Length == 0 ? shown : $"{Tag}@{shown}";
        }
    }

    /// <summary>The first <paramref name="digits"/> hex digits of the digest; empty without one.</summary>
    public string DigestHex(int digits) => Digest.Length == 0 ? "" : Digest[Algorithm.Length..][..digits];

    public override string ToString() => Text;
}
