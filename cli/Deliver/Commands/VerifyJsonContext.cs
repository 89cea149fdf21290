using System.Text.Json.Serialization;
using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>The JSON of <c>deliver verify --json</c>, generated at build time (Native AOT has no reflection-based serializer).</summary>
[JsonSerializable(typeof(VerifyReport))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
