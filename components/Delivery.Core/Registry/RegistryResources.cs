using Delivery.Core.Kubernetes;
using Delivery.Core.Cluster;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>Requests and limits of the registry container by tier: pushes of large layers need memory headroom.</summary>
public static class RegistryResources
{
    public static OrderedDictionary<string, object?> For(Tier tier)
    {
        var (cpuRequest, memoryRequest, cpuLimit, memoryLimit) = Quantities(tier);
        return PodDefaults.Resources(cpuRequest, memoryRequest, cpuLimit, memoryLimit);
    }

    /// <summary>The same size as numbers, for the registry namespace's quota.</summary>
    public static PodResources Size(Tier tier)
    {
        var (cpuRequest, memoryRequest, cpuLimit, memoryLimit) = Quantities(tier);
        return PodResources.Parse(cpuRequest, memoryRequest, cpuLimit, memoryLimit);
    }

    private static (string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit) Quantities(Tier tier) => tier switch
    {
        Tier.Local => ("50m", "64Mi", "500m", "256Mi"),
        Tier.Dev => ("100m", "128Mi", "500m", "512Mi"),
        Tier.Staging => ("200m", "256Mi", "1", "1Gi"),
        _ => ("250m", "512Mi", "2", "2Gi"),
    };
}
