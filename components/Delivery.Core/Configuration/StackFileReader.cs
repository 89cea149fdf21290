using Delivery.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Delivery.Core.Configuration;

/// <summary>
/// Reads a stack file (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) offline, so the whole model can be
/// built and checked without Pulumi. A <c>secure:</c> value is "a secret is set", value unknown.
/// </summary>
public static class StackFileReader
{
    public static StackConfig Read(string path)
    {
        var stackName = StackNameOf(path);
        return Parse(File.ReadAllText(path), stackName, Path.GetFileName(path));
    }

    /// <summary><c>Pulumi.prod.yaml</c> → <c>prod</c>.</summary>
    public static string StackNameOf(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var extension in new[] { ".yaml", ".yml" })
        {
            if (file.StartsWith("Pulumi.", StringComparison.Ordinal) && file.EndsWith(extension, StringComparison.Ordinal))
                return file["Pulumi.".Length..^extension.Length];
        }
        throw new ArgumentException($"'{file}' is not a stack file name: expected Pulumi.<stack>.yaml.", nameof(path));
    }

    public static StackConfig Parse(string yaml, string stackName, string origin)
    {
        var collector = new EntryCollector(origin);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            collector.Problem(new ConfigProblem(Severity.Error, origin, null,
                $"the file is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}",
                "correct the YAML syntax (yamllint shows the same place)."));
            return new StackConfig(stackName, [], collector.Problems, IsOffline: true);
        }

        if (stream.Documents.Count > 0
            && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode)
            && configNode is YamlMappingNode config)
        {
            var seen = EntryCollector.NewKeySet();
            foreach (var (keyNode, value) in config.Children)
            {
                var topLevel = ProjectKey(((YamlScalarNode)keyNode).Value ?? "");
                if (topLevel is not null && collector.FirstOfItsName(null, topLevel, seen))
                    Flatten(ConfigPath.Root(topLevel), value, collector);
            }
        }
        return new StackConfig(stackName, collector.Entries, collector.Problems, IsOffline: true);
    }

    /// <summary>The key within this project, or null for another namespace (provider settings).</summary>
    internal static string? ProjectKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return key;
        return key[..colon] == DeliveryProject.Name ? key[(colon + 1)..] : null;
    }

    private static void Flatten(ConfigPath path, YamlNode node, EntryCollector collector)
    {
        switch (node)
        {
            case YamlMappingNode map when IsSecure(map):
                collector.Leaf(path, "", SecretState.SecretUnknown);
                break;
            case YamlMappingNode map:
                var seen = EntryCollector.NewKeySet();
                foreach (var (keyNode, child) in map.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? "";
                    if (collector.FirstOfItsName(path, key, seen))
                        Flatten(path.Key(key), child, collector);
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                    Flatten(path.Index(i), list.Children[i], collector);
                break;
            case YamlScalarNode scalar:
                collector.Leaf(path, scalar.Value ?? "", SecretState.Plaintext);
                break;
        }
    }

    private static bool IsSecure(YamlMappingNode map) =>
        map.Children.Count == 1
        && map.Children.First().Key is YamlScalarNode { Value: "secure" };
}
