using System.Text.Json.Serialization;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>The JSON of <c>deliver history --json</c>, generated at build time (Native AOT has no reflection-based serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, Converters = [typeof(Iso8601DurationConverter)])]
[JsonSerializable(typeof(DoraFigures))]
[JsonSerializable(typeof(List<ReleaseEventJson>))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
