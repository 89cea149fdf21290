using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Ci;

/// <summary>
/// Requests and limits in the ci namespace by tier. A job gets the same share the cluster
/// baseline's ci LimitRange and quota are sized for; controllers and the GitLab manager are small.
/// </summary>
public static class RunnerResources
{
    /// <summary>One CI job's size by tier; the cluster baseline sizes the ci LimitRange and quota from it.</summary>
    public static ResourcesConfig JobSize(Tier tier) => tier switch
    {
        Tier.Local => Size("100m", "256Mi", "1", "1Gi"),
        Tier.Dev => Size("250m", "512Mi", "1", "2Gi"),
        _ => Size("500m", "1Gi", "2", "4Gi"),
    };

    public static OrderedDictionary<string, object?> Job(Tier tier)
    {
        var size = JobSize(tier);
        return PodDefaults.Resources(size.CpuRequest, size.MemoryRequest, size.CpuLimit, size.MemoryLimit);
    }

    public static OrderedDictionary<string, object?> Controller(Tier tier) => tier switch
    {
        Tier.Local or Tier.Dev => PodDefaults.Resources("50m", "64Mi", "500m", "256Mi"),
        _ => PodDefaults.Resources("100m", "128Mi", "1", "512Mi"),
    };

    /// <summary>The runner's work volume (checkouts, build contexts) in Kubernetes container mode.</summary>
    public static string WorkVolumeSize(Tier tier) => tier switch
    {
        Tier.Local => "2Gi",
        Tier.Dev => "5Gi",
        _ => "10Gi",
    };

    private static ResourcesConfig Size(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) =>
        new() { CpuRequest = cpuRequest, MemoryRequest = memoryRequest, CpuLimit = cpuLimit, MemoryLimit = memoryLimit };
}
