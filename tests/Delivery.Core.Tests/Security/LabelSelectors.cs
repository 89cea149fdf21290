namespace Delivery.Core.Tests.Security;

/// <summary>
/// Kubernetes label selectors over plain trees: <c>matchLabels</c> and <c>matchExpressions</c>
/// (In, NotIn, Exists, DoesNotExist), ANDed; an empty selector matches everything.
/// </summary>
internal static class LabelSelectors
{
    public static bool Matches(object? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not OrderedDictionary<string, object?> map)
            return true;
        if (map.GetValueOrDefault("matchLabels") is OrderedDictionary<string, object?> matchLabels
            && matchLabels.Any(required => !labels.TryGetValue(required.Key, out var value) || value != (string?)required.Value))
            return false;
        foreach (var expression in map.GetValueOrDefault("matchExpressions") as List<object?> ?? [])
        {
            var e = (OrderedDictionary<string, object?>)expression!;
            var key = (string)e["key"]!;
            var values = (e.GetValueOrDefault("values") as List<object?> ?? []).Cast<string>().ToHashSet(StringComparer.Ordinal);
            var has = labels.TryGetValue(key, out var actual);
            var ok = (string)e["operator"]! switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                var op => throw new InvalidOperationException($"unknown selector operator {op}"),
            };
            if (!ok)
                return false;
        }
        return true;
    }
}
