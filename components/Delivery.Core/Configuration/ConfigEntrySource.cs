using Microsoft.Extensions.Configuration;

namespace Delivery.Core.Configuration;

/// <summary>
/// The <see cref="IConfigurationSource"/> over config entries, whether they came from the Pulumi
/// engine, a stack file read offline or environment overrides, so the standard binder builds the
/// model from them.
/// </summary>
public sealed class ConfigEntrySource(IEnumerable<ConfigEntry> entries) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(entries);

    private sealed class Provider(IEnumerable<ConfigEntry> entries) : ConfigurationProvider
    {
        public override void Load()
        {
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
                Data[entry.Key] = entry.Value;
        }
    }
}
