namespace Delivery.Core.Kubernetes;

/// <summary>A container's requests and limits as Kubernetes quantities.</summary>
public sealed record ContainerSize(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit)
{
    /// <summary>The container's <c>resources</c> map.</summary>
    public OrderedDictionary<string, object?> Resources() => PodDefaults.Resources(CpuRequest, MemoryRequest, CpuLimit, MemoryLimit);
}
