using YamlDotNet.RepresentationModel;

namespace Delivery.Core.Tests.Tools;

/// <summary>Reads a YAML document we embedded as a string back into the plain tree the core writes.</summary>
internal static class EmbeddedYaml
{
    public static OrderedDictionary<string, object?> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (OrderedDictionary<string, object?>)Tree(stream.Documents[0].RootNode)!;
    }

    private static object? Tree(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Aggregate(new OrderedDictionary<string, object?>(), (tree, entry) =>
        {
            tree[((YamlScalarNode)entry.Key).Value!] = Tree(entry.Value);
            return tree;
        }),
        YamlSequenceNode list => list.Children.Select(Tree).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted)
            return scalar.Value;
        return scalar.Value switch
        {
            "true" => true,
            "false" => false,
            _ when int.TryParse(scalar.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            _ => scalar.Value,
        };
    }
}
