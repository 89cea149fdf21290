using System.Collections;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// Whether two manifest trees would be written as the same YAML, decided by walking them together
/// instead of writing both: a release step's dry run compares two whole renderings, and writing
/// every object twice was most of its time.
/// </summary>
public static class ManifestTrees
{
    public static bool Same(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
            return true;
        if (left is string leftText && right is string rightText)
            return string.Equals(leftText, rightText, StringComparison.Ordinal);
        return (left, right) switch
        {
            (IDictionary leftMap, IDictionary rightMap) => SameMaps(leftMap, rightMap),
            (IDictionary, _) or (_, IDictionary) => false,
            (string, _) or (_, string) => SameScalars(left, right),
            (IEnumerable leftItems, IEnumerable rightItems) => SameLists(leftItems, rightItems),
            _ => SameScalars(left, right),
        };
    }

    /// <summary>Same entries in the same order, as YAML writes a map.</summary>
    private static bool SameMaps(IDictionary left, IDictionary right)
    {
        if (left.Count != right.Count)
            return false;
        var rightEntries = right.GetEnumerator();
        foreach (DictionaryEntry entry in left)
        {
            rightEntries.MoveNext();
            if (!Same(entry.Key, rightEntries.Entry.Key) || !Same(entry.Value, rightEntries.Entry.Value))
                return false;
        }
        return true;
    }

    private static bool SameLists(IEnumerable left, IEnumerable right)
    {
        var rightItems = right.GetEnumerator();
        foreach (var item in left)
        {
            if (!rightItems.MoveNext() || !Same(item, rightItems.Current))
                return false;
        }
        return !rightItems.MoveNext();
    }

    /// <summary>Scalars are the same when written alike (3 and 3L are; 3 and "3" are not).</summary>
    private static bool SameScalars(object? left, object? right)
    {
        if (left is not null && right is not null && left.GetType() == right.GetType())
            return left.Equals(right);
        var (leftScalar, rightScalar) = (YamlWriter.Scalar(left), YamlWriter.Scalar(right));
        if (leftScalar is null || rightScalar is null)
            throw new ArgumentException($"A manifest holds maps, lists and scalars; a {(leftScalar is null ? left : right)?.GetType().Name} is none of them.");
        return leftScalar.Value == rightScalar.Value && leftScalar.Style == rightScalar.Style;
    }
}
