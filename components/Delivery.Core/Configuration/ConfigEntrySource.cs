using Microsoft.Extensions.Configuration;

namespace Delivery.Core.Configuration;

/// <summary>
/// The <see cref="IConfigurationSource"/> over config entries, whether they came from the Pulumi
/// engine, a stack file read offline, environment overrides or the tier defaults, so the standard
/// binder builds the model from them.
/// </summary>
public sealed class ConfigEntrySource(IEnumerable<ConfigEntry> entries) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(entries);

    /// <summary>
    /// Keeps each key's children in an index: the standard provider finds them by scanning every
    /// key, once per map the binder visits, which made binding N apps cost O(N²).
    /// </summary>
    private sealed class Provider(IEnumerable<ConfigEntry> entries) : ConfigurationProvider
    {
        private static readonly string Root = "";
        private readonly Dictionary<string, HashSet<string>> _children = new(StringComparer.OrdinalIgnoreCase);

        public override void Load()
        {
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            _children.Clear();
            foreach (var entry in entries)
            {
                Data[entry.Key] = entry.Value;
                Index(entry.Key);
            }
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            var keys = new List<string>(earlierKeys);
            if (_children.TryGetValue(parentPath ?? Root, out var children))
                keys.AddRange(children);
            keys.Sort(ConfigurationKeyComparer.Instance);
            return keys;
        }

        private void Index(string key)
        {
            var parent = Root;
            var start = 0;
            while (true)
            {
                var colon = key.IndexOf(ConfigurationPath.KeyDelimiter, start, StringComparison.Ordinal);
                var segment = colon < 0 ? key[start..] : key[start..colon];
                if (!_children.TryGetValue(parent, out var children))
                    _children[parent] = children = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                children.Add(segment);
                if (colon < 0)
                    return;
                parent = key[..colon];
                start = colon + 1;
            }
        }
    }
}
