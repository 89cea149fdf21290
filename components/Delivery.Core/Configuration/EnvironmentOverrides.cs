using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// CI overrides from environment variables: <c>DELIVERY_apps__api__green=1.4.3</c> sets
/// <c>delivery-platform:apps.api.green</c> (<c>__</c> separates path segments, as in
/// Microsoft.Extensions.Configuration). Such values are never committed, so they count as secret.
/// </summary>
public static class EnvironmentOverrides
{
    public static IReadOnlyList<ConfigEntry> Read(IReadOnlyDictionary<string, string> environment) =>
        environment
            .Where(variable => variable.Key.StartsWith(DeliveryProject.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                               && variable.Key.Length > DeliveryProject.EnvironmentPrefix.Length)
            .OrderBy(variable => variable.Key, StringComparer.Ordinal)
            .Select(variable => new ConfigEntry(
                variable.Key[DeliveryProject.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal),
                variable.Value,
                SecretState.Secret,
                $"environment variable {variable.Key}"))
            .ToList();

    /// <summary>The process environment as a dictionary (the injectable input of the loader).</summary>
    public static IReadOnlyDictionary<string, string> OfProcess() =>
        System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
