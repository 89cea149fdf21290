using System.Globalization;

namespace ShopApi;

/// <summary>
/// How a drill makes this build misbehave, from its environment: <c>SHOP_DRILL_LATENCY_MS</c> adds
/// that much to every business request, <c>SHOP_DRILL_ERROR_RATIO</c> (0–1) answers that share with a
/// 500. A release drill stages such a build and watches verify, the gate and the rollback catch it.
/// </summary>
public sealed record Drill(TimeSpan Latency, double ErrorRatio)
{
    public const string LatencyVariable = "SHOP_DRILL_LATENCY_MS";
    public const string ErrorRatioVariable = "SHOP_DRILL_ERROR_RATIO";

    public static Drill FromEnvironment(Func<string, string?> variable)
    {
        var latency = double.TryParse(variable(LatencyVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : 0;
        var ratio = double.TryParse(variable(ErrorRatioVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? Math.Clamp(r, 0, 1) : 0;
        return new Drill(TimeSpan.FromMilliseconds(latency), ratio);
    }

    /// <summary>Whether the n-th request fails: evenly spread, so a short window sees the configured share.</summary>
    public bool Fails(long request) => ErrorRatio > 0 && Math.Floor(request * ErrorRatio) != Math.Floor((request - 1) * ErrorRatio);
}
