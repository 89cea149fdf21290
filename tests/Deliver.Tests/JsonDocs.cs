using System.Text.Json;
using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>
/// docs/json.md as a contract: each command's section lists its fields (<c>stacks[].apps[].phase</c>)
/// with their JSON types. Real output is held to it both ways: every field printed is documented
/// with its type, and every documented field is printed wherever the object that holds it is.
/// </summary>
internal static partial class JsonDocs
{
    public static IReadOnlyDictionary<string, string> Fields(string command)
    {
        var text = File.ReadAllText(Path.Combine(TestRepository.Root(), "docs", "json.md"));
        var heading = $"## `deliver {command} --json`";
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/json.md has no section {heading}");
        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = text[start..(end < 0 ? text.Length : end)];
        return FieldRow().Matches(section).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);
    }

    /// <summary>Fails naming the field when <paramref name="json"/> prints one the docs do not list, of another type, or leaves a listed one out.</summary>
    public static JsonElement AssertDocumented(string command, string json)
    {
        var documented = Fields(command);
        Assert.NotEmpty(documented);
        using var document = JsonDocument.Parse(json);
        var printed = new List<(string Path, JsonValueKind Kind)>();
        Flatten("", document.RootElement, printed);
        // An array's objects are documented by their fields (stacks[].stack), not as stacks[] itself.
        foreach (var (path, kind) in printed.Where(p => !(p.Kind == JsonValueKind.Object && p.Path.EndsWith("[]", StringComparison.Ordinal))))
        {
            Assert.True(documented.TryGetValue(path, out var type), $"deliver {command} --json prints {path}, which docs/json.md does not list");
            Assert.True(type.Replace("\\", "", StringComparison.Ordinal).Split('|').Select(t => t.Trim()).Any(t => Is(kind, t)), $"deliver {command} --json prints {path} as {kind}; docs/json.md says {type}");
        }
        var objects = printed.Where(p => p.Kind == JsonValueKind.Object).Select(p => p.Path).Append("").ToHashSet(StringComparer.Ordinal);
        foreach (var path in documented.Keys.Where(path => objects.Contains(Parent(path))))
            Assert.True(printed.Any(p => p.Path == path), $"docs/json.md lists {path} for deliver {command} --json, which it does not print");
        return document.RootElement.Clone();
    }

    private static void Flatten(string path, JsonElement element, List<(string, JsonValueKind)> printed)
    {
        if (path.Length > 0)
            printed.Add((path, element.ValueKind));
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
                Flatten(path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Value, printed);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Flatten($"{path}[]", item, printed);
        }
    }

    private static string Parent(string path) =>
        path.EndsWith("[]", StringComparison.Ordinal) ? "\u0000" : path.LastIndexOf('.') is var dot and >= 0 ? path[..dot] : "";

    private static bool Is(JsonValueKind kind, string type) => (kind, type) switch
    {
        (JsonValueKind.String, "string") or (JsonValueKind.Number, "integer") or (JsonValueKind.Number, "number") or (JsonValueKind.Null, "null")
            or (JsonValueKind.True or JsonValueKind.False, "boolean") or (JsonValueKind.Array, "array") or (JsonValueKind.Object, "object") => true,
        // ISO 8601 (PT5M, P1D): what Iso8601DurationConverter writes.
        (JsonValueKind.String, "duration") => true,
        _ => false,
    };

    /// <summary>A table row: | `path` | type | meaning |.</summary>
    [GeneratedRegex(@"^\| `([A-Za-z\[\]\.]+)` \| ([a-z |\\]+?) \|", RegexOptions.Multiline)]
    private static partial Regex FieldRow();
}
