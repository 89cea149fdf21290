using System.Text.RegularExpressions;

namespace Delivery.Core.Model.Values;

/// <summary>Kubernetes label values: at most 63 of [A-Za-z0-9-_.], starting and ending alphanumeric.</summary>
public static partial class LabelValues
{
    public const int MaxLength = 63;

    public static bool IsValid(string value) => value.Length <= MaxLength && (value.Length == 0 || Valid().IsMatch(value));

    public static string Sanitize(string value)
    {
        var replaced = Invalid().Replace(value, "_");
        var cut = replaced.Length > MaxLength ? replaced[..MaxLength] : replaced;
        return cut.Trim('-', '_', '.');
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex Valid();

    [GeneratedRegex("[^-A-Za-z0-9_.]")]
    private static partial Regex Invalid();
}
