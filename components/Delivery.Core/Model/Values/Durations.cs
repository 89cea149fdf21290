using System.Globalization;
using System.Text.RegularExpressions;

namespace Delivery.Core.Model.Values;

/// <summary>Prometheus durations as PromQL ranges take them: units from largest to smallest, e.g. <c>5m</c>, <c>1h30m</c>, <c>15s</c>.</summary>
public static partial class Durations
{
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (text.Length == 0 || !match.Success)
            return null;
        var total = TimeSpan.Zero;
        foreach (var (group, unit) in new[] { ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)) })
        {
            if (match.Groups[group].Success)
                total += unit * long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        }
        return total > TimeSpan.Zero ? total : null;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,6})s)?(?:(?<ms>\d{1,6})ms)?$")]
    private static partial Regex Pattern();
}
