using System.Text.Json.Serialization;

namespace Deliver.Commands;

/// <summary>The JSON of <c>deliver images --json</c>, generated at build time (Native AOT has no reflection-based serializer).</summary>
[JsonSerializable(typeof(ImagesJson))]
internal sealed partial class ImagesJsonContext : JsonSerializerContext;
