using Delivery.Core.Model.Values;

namespace Deliver.Commands;

/// <summary>Versions as the tables show them: a digest shortened to its first 7 hex digits, as git shortens commits.</summary>
internal static class VersionText
{
    private const int ShortDigits = 7;

    /// <summary><c>1.4.2@8ec5a17</c> for <c>1.4.2@sha256:8ec5a17af827…</c>; "-" for none; a bare tag as it is.</summary>
    public static string Short(string version)
    {
        if (version.Length == 0)
            return "-";
        var parsed = ImageVersion.Parse(version);
        if (!parsed.NamesExactImage)
            return version;
        var hex = parsed.DigestHex(ShortDigits);
        return parsed.Tag.Length == 0 ? $"sha256:{hex}" : $"{parsed.Tag}@{hex}";
    }
}
