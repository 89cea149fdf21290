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
        return Parse(StackFileText.ReadFile(path), stackName, Path.GetFileName(path));
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
        if (Load(yaml, collector) is { } config)
        {
            var seen = EntryCollector.NewKeySet();
            foreach (var (keyNode, value) in config.Children)
            {
                if (keyNode is not YamlScalarNode { Value: var key })
                {
                    collector.Problem(FileProblem(origin, $"the file's shape is wrong: config has a key at line {keyNode.Start.Line} that is a map or a list, not a name.",
                        "write each config key as a name: delivery-platform:<key>."));
                    continue;
                }
                var topLevel = ConfigNamespace.ProjectKey(key ?? "", collector);
                if (topLevel is not null && collector.FirstOfItsName(null, topLevel, seen))
                    Flatten(ConfigPath.Root(topLevel), value, collector);
            }
        }
        return new StackConfig(stackName, collector.Entries, collector.Problems, IsOffline: true);
    }

    /// <summary>The top-level keys Pulumi itself writes into a stack file besides config.</summary>
    private static readonly string[] PulumiKeys = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    /// <summary>The file's config: map, or null with the problems that stop it being read.</summary>
    private static YamlMappingNode? Load(string yaml, EntryCollector collector)
    {
        var origin = collector.Origin;
        if (StackFileText.Problem(yaml) is { } textProblem)
        {
            collector.Problem(FileProblem(origin, textProblem, "restore the file from git (git checkout -- <file>) or rewrite the broken part."));
            return null;
        }
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = StackFileText.FirstTabIndentedLine(yaml) is { } tabLine && tabLine >= e.Start.Line
                ? $"the file is not valid YAML at line {tabLine}: it is indented with a tab; YAML indents with spaces only."
                : $"the file is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}";
            collector.Problem(FileProblem(origin, message, "correct the YAML syntax (yamllint shows the same place)."));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet refuses some input with other exceptions (an empty key, "? :", a scanner left
            // with tokens); the parser still knows where it was.
            collector.Problem(FileProblem(origin,
                $"the file is not valid YAML for a stack file at line {parser.Current?.Start.Line ?? 1}: an empty key, a key that is itself a map or list, or broken syntax.",
                "write each key as a name followed by ': ' and its value (yamllint shows syntax errors)."));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            collector.Problem(FileProblem(origin,
                $"the file holds {stream.Documents.Count} YAML documents (the second starts at line {stream.Documents[1].RootNode.Start.Line}); a stack file is one document, and everything after the first would be ignored.",
                "merge the documents into one config: map and remove the '---' line."));
            return null;
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode;
        if (root is not null and not YamlMappingNode && !(root is YamlScalarNode { Value: null or "" }))
        {
            collector.Problem(Shape(origin, $"the top level must be a map of keys (config: …), but it is {Kind(root)}."));
            return null;
        }
        var top = root as YamlMappingNode;
        foreach (var keyNode in top?.Children.Keys ?? [])
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!PulumiKeys.Contains(key, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.Closest(key, PulumiKeys);
                collector.Problem(Shape(origin, $"unknown top-level key \"{key}\"{(suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")}"
                    + (suggestion is null ? $" (line {keyNode.Start.Line}); the keys are {string.Join(", ", PulumiKeys)}." : "")));
            }
        }
        var config = top?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "config" }).Value;
        switch (config)
        {
            case YamlMappingNode map:
                return map;
            case null when collector.Problems.Count == 0:
                collector.Problem(Shape(origin, "it has no config: map of keys."));
                return null;
            case null:
                return null;
            case YamlSequenceNode:
                collector.Problem(Shape(origin, "config must be a map of keys, but it is a list (remove the '- ' before each key)."));
                return null;
            default:
                collector.Problem(Shape(origin, $"config must be a map of keys, but it is {Kind(config)}."));
                return null;
        }
    }

    private static string Kind(YamlNode node) => node is YamlSequenceNode ? "a list" : "a single value";

    private static ConfigProblem Shape(string origin, string what) =>
        FileProblem(origin, $"the file's shape is wrong: {what}",
            "a stack file is a map with one config: map of keys, e.g. config:\n  delivery-platform:environment: dev");

    private static ConfigProblem FileProblem(string origin, string message, string fix) =>
        new(Severity.Error, origin, null, message, fix);

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
                    if (keyNode is not YamlScalarNode { Value: var key })
                    {
                        collector.Problem(ConfigProblem.Error(path, null,
                            $"has a key at line {keyNode.Start.Line} that is a map or a list, not a name (a template placeholder such as {{{{ name }}}} left in?).",
                            $"write the key as a plain name, e.g. {path.Key("<name>")}."));
                        continue;
                    }
                    if (collector.FirstOfItsName(path, key ?? "", seen))
                        Flatten(path.Key(key ?? ""), child, collector);
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
