using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Monitoring;

/// <summary>An app's effective verify settings: its own <c>verify</c> values, else the stack's (which the tier defaults fill).</summary>
public sealed record VerifySettings(int MinRequests, string Window, TimeSpan BakeTime, int LatencyRegressionPercent)
{
    public static VerifySettings For(DeliveryConfig config, string app)
    {
        var own = config.Apps[app].Verify;
        var stack = config.Verify;
        var bake = Pick(own.BakeTime, stack.BakeTime, "bakeTime");
        return new VerifySettings(
            own.MinRequests ?? stack.MinRequests ?? throw Unset("minRequests"),
            Pick(own.Window, stack.Window, "window"),
            Durations.Parse(bake) ?? throw new InvalidOperationException($"verify.bakeTime \"{bake}\" is not a duration; validate the config first."),
            own.LatencyRegressionPercent ?? stack.LatencyRegressionPercent ?? throw Unset("latencyRegressionPercent"));
    }

    private static string Pick(string own, string stack, string key) =>
        own.Length > 0 ? own : stack.Length > 0 ? stack : throw Unset(key);

    // Tier defaults always set the stack values; a config without them was not loaded through the loader.
    private static InvalidOperationException Unset(string key) =>
        new($"verify.{key} is not set; load the config with DeliveryConfigLoader, which applies the tier defaults.");
}
