using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Delivery.Components.Tests;

/// <summary>
/// A stack's config as the engine passes it to the program: PULUMI_CONFIG (key → string, objects
/// as JSON text) and PULUMI_CONFIG_SECRET_KEYS (the top-level keys holding a secret). Built from a
/// committed stack file plus the secrets a user would set with <c>pulumi config set --secret</c>.
/// </summary>
internal sealed class EngineConfig
{
    private const string Project = "delivery-platform";
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _secretKeys = new(StringComparer.Ordinal);

    public static EngineConfig FromStackFile(string stack)
    {
        var config = new EngineConfig();
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(TestRepository.ExampleStack(stack))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in (YamlMappingNode)root.Children[new YamlScalarNode("config")])
            config._values[((YamlScalarNode)key).Value!] = ToJson(value);
        return config;
    }

    /// <summary>Sets a value by <c>--path</c> (e.g. <c>cluster.kubeconfig</c>), as a secret or not.</summary>
    public EngineConfig Set(string path, string value, bool secret = false)
    {
        var segments = path.Split('.');
        var key = $"{Project}:{segments[0]}";
        if (segments.Length == 1)
        {
            _values[key] = JsonValue.Create(value);
        }
        else
        {
            var node = _values.TryGetValue(key, out var existing) && existing is JsonObject map ? map : new JsonObject();
            _values[key] = node;
            foreach (var segment in segments[1..^1])
            {
                node[segment] ??= new JsonObject();
                node = (JsonObject)node[segment]!;
            }
            node[segments[^1]] = value;
        }
        if (secret)
            _secretKeys.Add(key);
        return this;
    }

    /// <summary>Sets a whole top-level key exactly as given, namespace included (a misspelt one, say).</summary>
    public EngineConfig SetKey(string key, string value)
    {
        _values[key] = JsonValue.Create(value);
        return this;
    }

    public string ConfigJson() => JsonSerializer.Serialize(_values.ToDictionary(
        entry => entry.Key,
        entry => entry.Value is JsonValue scalar ? scalar.ToString() : entry.Value?.ToJsonString() ?? ""));

    public string SecretKeysJson() => JsonSerializer.Serialize(_secretKeys);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };
}
