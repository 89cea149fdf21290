using Delivery.Core.Model;

namespace Delivery.Core.Monitoring;

/// <summary>An app's effective service-level objectives: its own <c>slo</c> values, else the stack's.</summary>
public sealed record Slo(double ErrorRateTarget, int LatencyP95Ms)
{
    public static Slo For(DeliveryConfig config, string app)
    {
        var own = config.Apps[app].Slo;
        var stack = config.Monitoring.Slo;
        return new Slo(
            own.ErrorRateTarget ?? stack.ErrorRateTarget ?? throw Unset("errorRateTarget"),
            own.LatencyP95Ms ?? stack.LatencyP95Ms ?? throw Unset("latencyP95Ms"));
    }

    // Tier defaults always set the stack values; a config without them was not loaded through the loader.
    private static InvalidOperationException Unset(string key) =>
        new($"monitoring.slo.{key} is not set; load the config with DeliveryConfigLoader, which applies the tier defaults.");
}
