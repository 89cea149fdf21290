using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Container resources for the monitoring components: a base size (what a laptop cluster needs)
/// doubled per tier up to prod. Memory is limited at twice the request; CPU is not limited, so a
/// query burst is slowed by contention rather than throttled.
/// </summary>
public static class MonitoringResources
{
    public static OrderedDictionary<string, object?> For(TierProfile profile, int baseCpuMillis, int baseMemoryMi)
    {
        var scale = profile.MonitoringScale;
        return PodDefaults.Resources(Millis(baseCpuMillis * scale), Mebibytes(baseMemoryMi * scale), cpuLimit: null, Mebibytes(2 * baseMemoryMi * scale));
    }

    private static string Millis(int value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Mebibytes(int value) => value.ToString(CultureInfo.InvariantCulture) + "Mi";
}
