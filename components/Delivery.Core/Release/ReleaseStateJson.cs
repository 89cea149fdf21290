using System.Text.Json;
using System.Text.Json.Nodes;

namespace Delivery.Core.Release;

/// <summary>
/// A stack's release state as the JSON of its <c>releaseState</c> stack output, so the next update
/// (freeze, guard) and the downstream stack (promotion ladder) can read it back through a
/// StackReference: one property per app, and the rules it was deployed under as <c>$stack</c>
/// (no app has that name: app names are DNS labels). A state written before the rules were
/// recorded has no <c>$stack</c>; its rules are unknown.
/// </summary>
public static class ReleaseStateJson
{
    public const string OutputName = "releaseState";

    /// <summary>The property that holds the stack's rules.</summary>
    public const string RulesProperty = "$stack";

    public static string Write(ReleaseState state)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, app) in state.Apps)
            root[name] = app;
        if (state.Rules is { } rules)
            root[RulesProperty] = rules with { HotfixReasons = new SortedDictionary<string, string>(rules.HotfixReasons.ToDictionary(), StringComparer.Ordinal) };
        return JsonSerializer.Serialize(root, ReleaseStateJsonContext.Default.SortedDictionaryStringObject);
    }

    /// <summary>
    /// The state as <c>pulumi stack output releaseState --json</c> prints it (the output is a string
    /// holding the JSON, so the CLI prints it quoted) or as the JSON itself; null when the text is
    /// neither (a stack file, say).
    /// </summary>
    public static ReleaseState? ReadOutput(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('"'))
        {
            try
            {
                trimmed = JsonSerializer.Deserialize(trimmed, ReleaseStateJsonContext.Default.String) ?? "";
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return trimmed.StartsWith('{') ? Read(trimmed) : null;
    }

    /// <summary>The state in <paramref name="json"/>; a clear error for anything else.</summary>
    public static ReleaseState Read(string json)
    {
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the releaseState output is not a release state: not a JSON object.");
            var apps = new Dictionary<string, AppReleaseState>(StringComparer.Ordinal);
            StackRules? rules = null;
            foreach (var (name, value) in root)
            {
                if (name == RulesProperty)
                    rules = value.Deserialize(ReleaseStateJsonContext.Default.StackRules);
                else
                    apps[name] = value.Deserialize(ReleaseStateJsonContext.Default.AppReleaseState) ?? throw new FormatException($"the releaseState of {name} is null.");
            }
            return new ReleaseState(apps, rules);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the releaseState output is not a release state: {e.Message}", e);
        }
    }
}
