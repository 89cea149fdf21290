using System.Collections;
using YamlDotNet.Core;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// The YAML anchors of a tree: each map or list met a second time (the same instance) gets one,
/// named <c>o0</c>, <c>o1</c>… in the order the repeats are met, depth first, as YamlDotNet's
/// serializer names them; a repeat is not walked again.
/// </summary>
internal static class Anchors
{
    public static IReadOnlyDictionary<object, AnchorName> Of(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var anchors = new Dictionary<object, AnchorName>(ReferenceEqualityComparer.Instance);
        Visit(root, seen, anchors);
        return anchors;
    }

    private static void Visit(object? value, HashSet<object> seen, Dictionary<object, AnchorName> anchors)
    {
        if (value is null or string || value is not IEnumerable node)
            return;
        if (!seen.Add(node))
        {
            if (!anchors.ContainsKey(node))
                anchors[node] = new AnchorName($"o{anchors.Count}");
            return;
        }
        if (node is IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
            {
                Visit(entry.Key, seen, anchors);
                Visit(entry.Value, seen, anchors);
            }
        }
        else
        {
            foreach (var item in node)
                Visit(item, seen, anchors);
        }
    }
}
