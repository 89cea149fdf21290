using System.Globalization;

namespace ShopApi;

/// <summary>
/// Where <c>/metrics</c> is served: with <c>SHOP_METRICS_PORT</c> set (the image sets 9464, the app's
/// <c>metricsPort</c> in the stack), only on that port, which no route or Gateway backend uses; without
/// it, on the traffic port, as a laptop run needs.
/// </summary>
public static class MetricsPort
{
    public const string Variable = "SHOP_METRICS_PORT";

    /// <summary>The port, or null for the traffic port (unset, or not a port number).</summary>
    public static int? From(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
}
