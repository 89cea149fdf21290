using System.Text;
using System.Text.Json;
using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// Reads the config the Pulumi engine hands every language host: <c>PULUMI_CONFIG</c>, a JSON
/// object of <c>"project:key"</c> → string (structured values as JSON text), and
/// <c>PULUMI_CONFIG_SECRET_KEYS</c>, a JSON array of the keys that hold secrets. The engine marks
/// a whole top-level key secret when any value inside it is, so secrecy is known per top-level key.
/// Each top-level value gets the stack file's limits (<see cref="StackFileText"/>), checked on the
/// JSON reader's flat tokens before any tree is built, and reported on the key.
/// </summary>
public static class EngineConfigReader
{
    public const string ConfigVariable = "PULUMI_CONFIG";
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";
    private const string Origin = "the stack's Pulumi config";

    /// <summary>
    /// How deep a top-level key's value may nest: a stack file's own map and its config: map are 2
    /// of its <see cref="StackFileText.MaxDepth"/> levels, so what a stack file may hold passes here too.
    /// </summary>
    public const int MaxValueDepth = StackFileText.MaxDepth - 2;

    /// <summary>
    /// The engine's JSON is only read here (the depth is judged on <see cref="Shape"/>), so its own
    /// depth limit (64 by default) must not turn deep junk into "not valid JSON".
    /// </summary>
    private static readonly JsonDocumentOptions Unlimited = new() { MaxDepth = int.MaxValue };

    public static StackConfig Read(IReadOnlyDictionary<string, string> environment, string stackName)
    {
        var collector = new EntryCollector(Origin);
        var secretKeys = ReadSecretKeys(environment.GetValueOrDefault(SecretKeysVariable), collector);
        var config = Parse(environment.GetValueOrDefault(ConfigVariable), ConfigVariable, collector);
        if (config is { ValueKind: JsonValueKind.Object } root)
        {
            var seen = EntryCollector.NewKeySet();
            foreach (var property in root.EnumerateObject())
            {
                var topLevel = ConfigNamespace.ProjectKey(property.Name, collector);
                if (topLevel is null || !collector.FirstOfItsName(null, topLevel, seen))
                    continue;
                var secrecy = secretKeys.Contains(property.Name) ? SecretState.Secret : SecretState.Plaintext;
                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                var first = collector.Entries.Count;
                if (TooLarge(ConfigPath.Root(topLevel), text) is { } tooLarge)
                {
                    collector.Problem(tooLarge);
                    continue;
                }
                Flatten(ConfigPath.Root(topLevel), StructuredOrScalar(text), text, secrecy, collector);
                // The engine marks the whole top-level key secret; if no value in it is a secret
                // setting, the secret is one the model would pass on in plain text.
                if (secrecy == SecretState.Secret && !collector.Entries.Skip(first).Any(entry => ConfigSchema.IsSecretSetting(entry.Key)))
                {
                    collector.Problem(ConfigProblem.Error(ConfigPath.Root(topLevel), null,
                        $"holds a value set with --secret, but no setting under it is a secret, so the value would reach the cluster in plain text (from {Origin}).",
                        $"find the value set with --secret (in the stack file it reads secure:) and set it without --secret, or, for an app env var, as apps.<app>.secretEnv.<name>."));
                }
            }
        }
        return new StackConfig(stackName, collector.Entries, collector.Problems, IsOffline: false);
    }

    private static HashSet<string> ReadSecretKeys(string? json, EntryCollector collector)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (Parse(json, SecretKeysVariable, collector) is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var key in array.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String))
                keys.Add(key.GetString()!);
        }
        return keys;
    }

    private static JsonElement? Parse(string? json, string variable, EntryCollector collector)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonDocument.Parse(json, Unlimited).RootElement;
        }
        catch (JsonException e)
        {
            collector.Problem(new ConfigProblem(Severity.Error, variable, null,
                $"the engine's {variable} is not valid JSON: {e.Message}",
                "run the program through the Pulumi CLI (pulumi preview / pulumi up), which sets it."));
            return null;
        }
    }

    /// <summary>
    /// A value a stack file could not hold either: more than <see cref="StackFileText.MaxCharacters"/>,
    /// nested deeper than <see cref="MaxValueDepth"/>, or more than <see cref="StackFileText.MaxValues"/> values.
    /// </summary>
    private static ConfigProblem? TooLarge(ConfigPath key, string text)
    {
        var fix = $"set its settings one at a time (pulumi config set --path {key}.<setting> <value>), not as one structured value.";
        if (text.Length > StackFileText.MaxCharacters)
        {
            return ConfigProblem.Error(key, null,
                $"is {text.Length} characters long, more than a stack file's {StackFileText.MaxCharacters / 1024 / 1024} MiB; config, not data (from {Origin}).", fix);
        }
        if (Shape(text) is not var (depth, values))
            return null;
        if (depth > MaxValueDepth)
        {
            return ConfigProblem.Error(key, null,
                $"nests maps and lists more than {MaxValueDepth} levels deep; a stack file holds at most {StackFileText.MaxDepth}, its own map and config: included (from {Origin}).", fix);
        }
        return values > StackFileText.MaxValues
            ? ConfigProblem.Error(key, null, $"holds more than {StackFileText.MaxValues} values; config, not data (from {Origin}).", fix)
            : null;
    }

    /// <summary>
    /// How deep an object or list value nests and how many keys and scalars it holds, counted on the
    /// reader's flat tokens (no tree, no recursion, no depth limit); null when it is not JSON.
    /// </summary>
    private static (int Depth, long Values)? Shape(string text)
    {
        if (!IsStructured(text))
            return null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = int.MaxValue });
        var depth = 0;
        long values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    depth = Math.Max(depth, reader.CurrentDepth + 1);
                else if (reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                    values++;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return (depth, values);
    }

    private static bool IsStructured(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }

    /// <summary>Object and list values arrive as JSON text; anything else is a plain string.</summary>
    private static JsonElement? StructuredOrScalar(string text)
    {
        if (!IsStructured(text))
            return null;
        try
        {
            return JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Flatten(ConfigPath path, JsonElement? element, string text, SecretState secrecy, EntryCollector collector)
    {
        if (element is null)
        {
            collector.Leaf(path, text, secrecy);
            return;
        }
        var value = element.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = EntryCollector.NewKeySet();
                foreach (var property in value.EnumerateObject())
                {
                    if (collector.FirstOfItsName(path, property.Name, seen))
                        Flatten(path.Key(property.Name), property.Value, Scalar(property.Value), secrecy, collector);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Flatten(path.Index(index), item, Scalar(item), secrecy, collector);
                    index++;
                }
                break;
            default:
                collector.Leaf(path, text, secrecy);
                break;
        }
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        _ => element.GetRawText(),
    };
}
