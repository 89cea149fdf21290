using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// CI overrides from environment variables: <c>DELIVERY_apps__api__green=1.4.3</c> sets
/// <c>delivery-platform:apps.api.green</c> (<c>__</c> separates path segments, as in
/// Microsoft.Extensions.Configuration). Such values are never committed, so they count as secret.
/// </summary>
public static class EnvironmentOverrides
{
    private const string OriginPrefix = "environment variable ";

    public static IReadOnlyList<ConfigEntry> Read(IReadOnlyDictionary<string, string> environment) =>
        environment
            .Where(variable => variable.Key.StartsWith(DeliveryProject.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                               && variable.Key.Length > DeliveryProject.EnvironmentPrefix.Length)
            .OrderBy(variable => variable.Key, StringComparer.Ordinal)
            .Select(variable => new ConfigEntry(
                variable.Key[DeliveryProject.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal),
                variable.Value,
                SecretState.Secret,
                OriginPrefix + variable.Key))
            .ToList();

    /// <summary>The variable an entry came from, or null for an entry from stack config.</summary>
    public static string? VariableOf(ConfigEntry entry) =>
        entry.Origin.StartsWith(OriginPrefix, StringComparison.Ordinal) ? entry.Origin[OriginPrefix.Length..] : null;

    /// <summary>The variable that sets <paramref name="path"/>: <c>apps.api.green</c> is <c>DELIVERY_apps__api__green</c>.</summary>
    public static string VariableFor(ConfigPath path) =>
        DeliveryProject.EnvironmentPrefix + path.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The overrides among <paramref name="environment"/> that set <paramref name="path"/> (the binder ignores case).</summary>
    public static IEnumerable<ConfigEntry> Setting(IReadOnlyDictionary<string, string> environment, ConfigPath path) =>
        Read(environment).Where(entry => string.Equals(entry.Key, path.ConfigurationKey, StringComparison.OrdinalIgnoreCase));
}
