using System.Globalization;
using System.Text.RegularExpressions;

namespace Delivery.Core.Model.Values;

/// <summary>Kubernetes resource quantities (<c>250m</c>, <c>1</c>, <c>512Mi</c>), parsed to compare them.</summary>
public static partial class Quantities
{
    private static readonly IReadOnlyDictionary<string, decimal> Multipliers = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    public static decimal? Parse(string text)
    {
        var match = Quantity().Match(text);
        if (!match.Success)
            return null;
        // Beyond decimal's range (about 7.9e28) no quantity means anything: not a quantity either.
        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return null;
        var multiplier = Multipliers[match.Groups["suffix"].Value];
        return multiplier > 1 && number > decimal.MaxValue / multiplier ? null : number * multiplier;
    }

    public static bool IsValid(string text) => Parse(text) is not null;

    /// <summary>The quantity of a value validation has already accepted; anything else is a bug, not bad input.</summary>
    public static decimal Require(string text) =>
        Parse(text) ?? throw new ArgumentException($"'{text}' is not a Kubernetes quantity; the config should have been validated first.", nameof(text));

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<suffix>m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")]
    private static partial Regex Quantity();
}
