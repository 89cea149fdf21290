using System.Text.RegularExpressions;
using Delivery.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Delivery.Core.Configuration;

/// <summary>
/// Sets one scalar in a stack file by editing its text in place, so comments, key order, quoting
/// elsewhere and <c>secure:</c> values stay byte-for-byte as they were. A missing key is inserted
/// as a new line in its block map, indented like its siblings.
/// </summary>
public static partial class StackFileEditor
{
    public static string Set(string yaml, ConfigPath path, string value)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                   ?? throw new InvalidOperationException("The stack file has no top-level map.");
        var config = Child(root, "config") as YamlMappingNode
                     ?? throw new InvalidOperationException("The stack file has no config: map.");
        var segments = path.ConfigurationKey.Split(':');

        YamlMappingNode parent = config;
        for (var i = 0; i < segments.Length; i++)
        {
            var key = i == 0 ? $"{DeliveryProject.Name}:{segments[0]}" : segments[i];
            var node = Child(parent, key) ?? (i == 0 ? Child(parent, segments[0]) : null);
            if (node is null)
                return Insert(yaml, parent, segments[i..], i == 0 ? key : segments[i], value);
            if (i == segments.Length - 1)
            {
                if (node is not YamlScalarNode scalar)
                    throw new InvalidOperationException($"{path} is a map or list in the stack file, not a single value.");
                return Replace(yaml, scalar, value);
            }
            parent = node as YamlMappingNode ?? throw new InvalidOperationException($"{path}: a part of the path is not a map in the stack file.");
        }
        throw new InvalidOperationException("unreachable: the path has at least one segment.");
    }

    /// <summary>
    /// A value as YAML text, as <c>pulumi config set --path</c> writes it: integers and true/false
    /// plain (typed), other text plain where it reads back as the same string, else double-quoted.
    /// </summary>
    public static string Format(string value) =>
        PulumiTyped().IsMatch(value) || (PlainSafe().IsMatch(value) && !NotAString().IsMatch(value))
            ? value
            : $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key).Value;

    private static string Replace(string yaml, YamlScalarNode scalar, string value)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            throw new InvalidOperationException("The value is a multi-line block; edit it by hand.");
        return string.Concat(yaml.AsSpan(0, start), Format(value), yaml.AsSpan(end));
    }

    private static string Insert(string yaml, YamlMappingNode parent, string[] remaining, string firstKey, string value)
    {
        if (parent.Style == MappingStyle.Flow)
            throw new InvalidOperationException("The map to add to is written inline ({ … }); edit it by hand.");
        var indent = parent.Children.Count > 0 ? (int)parent.Children.First().Key.Start.Column - 1 : (int)parent.Start.Column - 1 + 2;
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < remaining.Length; i++)
        {
            var key = i == 0 ? firstKey : remaining[i];
            lines.Append(' ', indent + 2 * i).Append(key).Append(':');
            lines.Append(i == remaining.Length - 1 ? $" {Format(value)}\n" : "\n");
        }
        var after = EndOfLastLine(yaml, parent);
        var separator = after > 0 && yaml[after - 1] != '\n' ? "\n" : "";
        return string.Concat(yaml.AsSpan(0, after), separator, lines.ToString(), yaml.AsSpan(after));
    }

    /// <summary>The offset just after the line holding the map's last content.</summary>
    private static int EndOfLastLine(string yaml, YamlMappingNode map)
    {
        var last = map.AllNodes.Where(n => n is YamlScalarNode).Max(n => (int)n.End.Index);
        var newline = yaml.IndexOf('\n', last);
        return newline < 0 ? yaml.Length : newline + 1;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.+/:@-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex("^(-?(0|[1-9][0-9]*)|true|false)$")]
    private static partial Regex PulumiTyped();

    // What YAML 1.1 or 1.2 would read as a number, boolean, null or time rather than a string.
    [GeneratedRegex(@"^([-+]?[0-9_]*\.?[0-9_]+([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|y|n|yes|no|on|off|true|false|null)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAString();
}
