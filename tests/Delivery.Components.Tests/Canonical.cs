using System.Collections;
using System.Text.Json;

namespace Delivery.Components.Tests;

/// <summary>One text form for object trees, whatever map and list types carry them (mock inputs or core objects).</summary>
internal static class Canonical
{
    public static string Json(object? value) => JsonSerializer.Serialize(Normalize(value));

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool => value,
        int or long or double => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        IDictionary map => new SortedDictionary<string, object?>(
            map.Keys.Cast<object>().ToDictionary(key => (string)key, key => Normalize(map[key])), StringComparer.Ordinal),
        IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value.ToString(),
    };
}
