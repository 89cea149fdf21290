using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// The namespace of a top-level config key (<c>delivery-platform:apps</c>). Keys of other
/// namespaces (providers: <c>kubernetes:context</c>) are not ours and are skipped; a namespace that
/// is a near miss of the project's is a typo, and reported, since its whole block would be ignored.
/// </summary>
internal static class ConfigNamespace
{
    /// <summary>The key within this project, or null for another namespace (reported if it looks like a typo).</summary>
    public static string? ProjectKey(string key, EntryCollector collector)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return key;
        var space = key[..colon];
        if (space == DeliveryProject.Name)
            return key[(colon + 1)..];
        if (Suggestions.Closest(space, [DeliveryProject.Name]) is not null)
        {
            collector.Problem(new ConfigProblem(Severity.Error, key, null,
                $"is in the namespace \"{space}\", not this project's ({DeliveryProject.Name}), so it would be ignored (from {collector.Origin}).",
                $"did you mean \"{DeliveryProject.Name}\"? Rename the key to {DeliveryProject.Name}:{key[(colon + 1)..]}."));
        }
        return null;
    }
}
