using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Deliver;

/// <summary>Durations in JSON as ISO 8601 (<c>PT30M</c>, <c>P1D</c>), which every language parses, not .NET's <c>1.00:00:00</c>.</summary>
internal sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("a duration is null."));

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
