using System.Text.Json.Serialization;

namespace Delivery.Core.Release;

/// <summary>The JSON contract of <see cref="ReleaseStateJson"/>, generated at build time so no reflection reads or writes it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SortedDictionary<string, object>))]
[JsonSerializable(typeof(AppReleaseState))]
[JsonSerializable(typeof(StackRules))]
[JsonSerializable(typeof(string))]
internal sealed partial class ReleaseStateJsonContext : JsonSerializerContext;
