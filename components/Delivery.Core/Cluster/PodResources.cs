using System.Globalization;
using Delivery.Core.Validation;

namespace Delivery.Core.Cluster;

/// <summary>CPU (in cores) and memory (in bytes) of requests and limits, summed and scaled exactly.</summary>
public sealed record PodResources(decimal CpuRequest, decimal MemoryRequest, decimal CpuLimit, decimal MemoryLimit)
{
    public static readonly PodResources None = new(0, 0, 0, 0);

    public static PodResources Parse(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) =>
        new(Quantities.Require(cpuRequest), Quantities.Require(memoryRequest), Quantities.Require(cpuLimit), Quantities.Require(memoryLimit));

    public PodResources Times(decimal factor) => new(CpuRequest * factor, MemoryRequest * factor, CpuLimit * factor, MemoryLimit * factor);

    public PodResources Plus(PodResources other) =>
        new(CpuRequest + other.CpuRequest, MemoryRequest + other.MemoryRequest, CpuLimit + other.CpuLimit, MemoryLimit + other.MemoryLimit);

    public PodResources Max(PodResources other) =>
        new(Math.Max(CpuRequest, other.CpuRequest), Math.Max(MemoryRequest, other.MemoryRequest), Math.Max(CpuLimit, other.CpuLimit), Math.Max(MemoryLimit, other.MemoryLimit));

    /// <summary>Whole millicores, rounded up so a budget never comes out smaller than its sum.</summary>
    public static string Cpu(decimal cores) => $"{Math.Ceiling(cores * 1000).ToString(CultureInfo.InvariantCulture)}m";

    /// <summary>Whole mebibytes, rounded up.</summary>
    public static string Memory(decimal bytes) => $"{Math.Ceiling(bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)}Mi";
}
