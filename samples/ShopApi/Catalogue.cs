using System.Text.Json.Serialization;

namespace ShopApi;

public sealed record Item(string Sku, string Name, decimal Price);

/// <summary>The business endpoint's data: small and fixed, so a request's cost is the platform's, not a database's.</summary>
public static class Catalogue
{
    public static readonly Item[] Items = [new("tea-1", "Green tea", 4.50m), new("mug-2", "Mug", 9.00m)];
}

[JsonSerializable(typeof(Item[]))]
public sealed partial class CatalogueJson : JsonSerializerContext;
