using System.Globalization;

namespace Delivery.Core.Model.Values;

/// <summary>The range a log alert's rates are averaged over, as LogQL takes it: whole minutes or hours (<c>10m</c>, <c>1h</c>).</summary>
public static class LogWindows
{
    /// <summary>The longest window a log alert takes: a day.</summary>
    public const int MaxMinutes = 24 * 60;

    /// <summary>Minutes in a window of whole minutes or hours up to a day, or null if it is not one.</summary>
    public static int? Minutes(string window)
    {
        if (window.Length < 2 || !int.TryParse(window.AsSpan(0, window.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || window[0] == '0')
            return null;
        return window[^1] switch
        {
            'm' when count <= MaxMinutes => count,
            'h' when count <= MaxMinutes / 60 => count * 60,
            _ => null,
        };
    }
}
