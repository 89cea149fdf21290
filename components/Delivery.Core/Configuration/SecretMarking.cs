using System.Collections;
using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// After binding, gives every <see cref="SecretValue"/> in the model the state its winning entry
/// recorded: encrypted, from the environment, unknown offline, or plain text (an error later).
/// The binder only ever sees strings, so this is where secrecy is restored.
/// </summary>
internal static class SecretMarking
{
    public static void Apply(object model, IReadOnlyDictionary<string, ConfigEntry> winningEntries) =>
        Visit(model, null, winningEntries);

    private static void Visit(object node, ConfigPath? path, IReadOnlyDictionary<string, ConfigEntry> entries)
    {
        foreach (var property in ConfigSchema.Properties(node.GetType()))
        {
            var childPath = path?.Key(ConfigSchema.KeyName(property)) ?? ConfigPath.Root(ConfigSchema.KeyName(property));
            var value = property.GetValue(node);
            if (property.PropertyType == typeof(SecretValue))
                property.SetValue(node, Mark(entries.GetValueOrDefault(childPath.ConfigurationKey)));
            else if (value is IDictionary<string, SecretValue> secrets)
            {
                foreach (var key in secrets.Keys.ToList())
                    secrets[key] = Mark(entries.GetValueOrDefault(childPath.Key(key).ConfigurationKey));
            }
            else if (value is IDictionary map && IsModelType(property.PropertyType.GetGenericArguments()[1]))
            {
                foreach (DictionaryEntry item in map)
                    Visit(item.Value!, childPath.Key((string)item.Key), entries);
            }
            else if (value is not null && IsModelType(property.PropertyType))
                Visit(value, childPath, entries);
        }
    }

    private static bool IsModelType(Type type) => type.IsClass && type.Namespace == typeof(DeliveryConfig).Namespace && type != typeof(SecretValue);

    private static SecretValue Mark(ConfigEntry? entry) => entry switch
    {
        null => SecretValue.Missing,
        { Secrecy: SecretState.SecretUnknown } => SecretValue.SetButUnknown,
        { Value.Length: 0 } => SecretValue.Missing,
        { Secrecy: SecretState.Secret } => SecretValue.Secret(entry.Value),
        _ => SecretValue.Plaintext(entry.Value),
    };
}
