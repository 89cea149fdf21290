using System.Text.Json;
using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// Reads the config the Pulumi engine hands every language host: <c>PULUMI_CONFIG</c>, a JSON
/// object of <c>"project:key"</c> → string (structured values as JSON text), and
/// <c>PULUMI_CONFIG_SECRET_KEYS</c>, a JSON array of the keys that hold secrets. The engine marks
/// a whole top-level key secret when any value inside it is, so secrecy is known per top-level key.
/// </summary>
public static class EngineConfigReader
{
    public const string ConfigVariable = "PULUMI_CONFIG";
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";
    private const string Origin = "the stack's Pulumi config";

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
            return JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            collector.Problem(new ConfigProblem(Severity.Error, variable, null,
                $"the engine's {variable} is not valid JSON: {e.Message}",
                "run the program through the Pulumi CLI (pulumi preview / pulumi up), which sets it."));
            return null;
        }
    }

    /// <summary>Object and list values arrive as JSON text; anything else is a plain string.</summary>
    private static JsonElement? StructuredOrScalar(string text)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('['))
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
