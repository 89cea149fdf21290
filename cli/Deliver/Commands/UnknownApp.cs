using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>What every command says of an app name the stack does not have: the closest name, or the stack's apps.</summary>
internal static class UnknownApp
{
    /// <returns>null when <paramref name="app"/> is one of the stack's apps.</returns>
    public static string? Message(DeliveryConfig config, string stack, string app)
    {
        if (config.Apps.ContainsKey(app))
            return null;
        var suggestion = Suggestions.Closest(app, config.Apps.Keys);
        return $"there is no app \"{app}\" in {stack}" +
               (suggestion is null ? $" (apps: {string.Join(", ", config.Apps.Keys.Order(StringComparer.Ordinal))})" : $"; did you mean \"{suggestion}\"?");
    }
}
