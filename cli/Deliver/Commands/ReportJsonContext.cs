using System.Text.Json.Serialization;

namespace Deliver.Commands;

/// <summary>
/// The JSON of <c>deliver status, check, diff, staged</c> and <c>gate --json</c> (docs/json.md), generated at build time (Native
/// AOT has no reflection-based serializer): camelCase names, durations in ISO 8601.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, Converters = [typeof(Iso8601DurationConverter)])]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(CheckJson))]
[JsonSerializable(typeof(DiffJson))]
[JsonSerializable(typeof(StagedJson))]
[JsonSerializable(typeof(GateJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
