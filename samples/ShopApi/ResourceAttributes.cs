namespace ShopApi;

/// <summary>OTEL_RESOURCE_ATTRIBUTES (<c>k=v,k=v</c>), read for the one the logs carry.</summary>
public static class ResourceAttributes
{
    public static string? Attribute(string? attributes, string key) =>
        (attributes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim() == key)
            .Select(pair => pair[1].Trim())
            .LastOrDefault();
}
