using System.Text.Json;

namespace Delivery.Core.Release;

/// <summary>
/// A stack's release state as the JSON of its <c>releaseState</c> stack output, so the next update
/// (freeze) and the downstream stack (promotion ladder) can read it back through a StackReference.
/// </summary>
public static class ReleaseStateJson
{
    public const string OutputName = "releaseState";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Write(ReleaseState state) =>
        JsonSerializer.Serialize(new SortedDictionary<string, AppReleaseState>(state.Apps.ToDictionary(), StringComparer.Ordinal), Options);

    /// <summary>The state in <paramref name="json"/>; a clear error for anything else.</summary>
    public static ReleaseState Read(string json)
    {
        try
        {
            var apps = JsonSerializer.Deserialize<Dictionary<string, AppReleaseState>>(json, Options)
                       ?? throw new FormatException("the releaseState output is null.");
            return new ReleaseState(apps);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the releaseState output is not a release state: {e.Message}", e);
        }
    }
}
