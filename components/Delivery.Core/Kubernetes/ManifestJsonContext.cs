using System.Text.Json.Serialization;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// The JSON contract of the maps manifests are built from (<see cref="Manifest.Map"/>), generated at
/// build time: an <c>object</c> value is written as its runtime type, so each type a map may hold is listed.
/// </summary>
[JsonSerializable(typeof(OrderedDictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
