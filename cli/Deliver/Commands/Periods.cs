using System.Globalization;
using System.Text.RegularExpressions;

namespace Deliver.Commands;

/// <summary>History periods as given on the command line (<c>30d</c>, <c>12h</c>, <c>2w</c>, <c>90m</c>) and as printed.</summary>
internal static partial class Periods
{
    public static TimeSpan Parse(string text, string option)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
            throw new UsageException($"{option} {text}: not a duration; use a number and a unit, e.g. 30d, 12h, 2w or 90m.");
        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
    }

    public static string Format(TimeSpan? span) => span switch
    {
        null => "n/a",
        { TotalMinutes: < 1 } s => $"{s.TotalSeconds:0}s",
        { TotalHours: < 1 } s => $"{s.TotalMinutes:0}m",
        { TotalDays: < 2 } s => $"{(int)s.TotalHours}h {s.Minutes:00}m",
        var s => $"{s.Value.TotalDays:0.0}d",
    };

    [GeneratedRegex("^([0-9]{1,6})([mhdw])$")]
    private static partial Regex Pattern();
}
