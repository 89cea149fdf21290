namespace Delivery.Core.Kubernetes;

/// <summary>Small builders for the plain trees Kubernetes objects are made of.</summary>
public static class Manifest
{
    /// <summary>An object with apiVersion, kind and metadata; <paramref name="fields"/> follow in order (spec, data, …).</summary>
    public static KubernetesObject Object(
        string apiVersion,
        string kind,
        string name,
        string? @namespace,
        IReadOnlyDictionary<string, string> labels,
        params (string Key, object? Value)[] fields) =>
        Object(apiVersion, kind, Metadata(name, @namespace, labels), fields);

    public static KubernetesObject Object(string apiVersion, string kind, OrderedDictionary<string, object?> metadata, params (string Key, object? Value)[] fields)
    {
        var body = new OrderedDictionary<string, object?> { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
        foreach (var (key, value) in fields)
            body[key] = value;
        return new KubernetesObject(body);
    }

    public static OrderedDictionary<string, object?> Metadata(
        string name,
        string? @namespace,
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string>? annotations = null)
    {
        var metadata = new OrderedDictionary<string, object?> { ["name"] = name };
        if (@namespace is not null)
            metadata["namespace"] = @namespace;
        metadata["labels"] = Strings(labels);
        if (annotations is { Count: > 0 })
            metadata["annotations"] = Strings(annotations);
        return metadata;
    }

    /// <summary>A map from (key, value) pairs, in the given order, leaving out pairs whose value is null.</summary>
    public static OrderedDictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
                map[key] = value;
        }
        return map;
    }

    /// <summary>A string map sorted by key, so output never depends on insertion order.</summary>
    public static OrderedDictionary<string, object?> Strings(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            map[key] = value;
        return map;
    }

    /// <summary>A list of the given items (a single string or map is one item).</summary>
    public static List<object?> List(params object?[] items) => [.. items];

    /// <summary>A list of a sequence's items; its own name, so a string or map is never taken for a sequence.</summary>
    public static List<object?> ListOf<T>(IEnumerable<T> items) => [.. items.Cast<object?>()];
}
