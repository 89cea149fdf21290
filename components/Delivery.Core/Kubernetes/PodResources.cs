using System.Globalization;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// CPU (in cores) and memory (in bytes) of requests and limits, summed and scaled exactly up to
/// <see cref="MaxQuantity"/>, and capped there: no input makes a sum wrap negative or overflow.
/// </summary>
public sealed record PodResources(decimal CpuRequest, decimal MemoryRequest, decimal CpuLimit, decimal MemoryLimit)
{
    public static readonly PodResources None = new(0, 0, 0, 0);

    /// <summary>
    /// A Kubernetes quantity's largest amount: its int64 (2^63-1). Sums are capped here and so are
    /// the rendered millicores and mebibytes; a budget this large already means "no limit".
    /// </summary>
    public const decimal MaxQuantity = long.MaxValue;

    public static PodResources Parse(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) =>
        new(Quantities.Require(cpuRequest), Quantities.Require(memoryRequest), Quantities.Require(cpuLimit), Quantities.Require(memoryLimit));

    public static PodResources Of(ContainerSize size) => Parse(size.CpuRequest, size.MemoryRequest, size.CpuLimit, size.MemoryLimit);

    public static PodResources Of(ResourcesConfig resources) => Parse(resources.CpuRequest, resources.MemoryRequest, resources.CpuLimit, resources.MemoryLimit);

    /// <summary>Scaled by a factor ≥ 0, capped at <see cref="MaxQuantity"/>.</summary>
    public PodResources Times(decimal factor) =>
        new(Scaled(CpuRequest, factor), Scaled(MemoryRequest, factor), Scaled(CpuLimit, factor), Scaled(MemoryLimit, factor));

    /// <summary>Summed, capped at <see cref="MaxQuantity"/> (two capped amounts cannot overflow a decimal).</summary>
    public PodResources Plus(PodResources other) =>
        new(Summed(CpuRequest, other.CpuRequest), Summed(MemoryRequest, other.MemoryRequest), Summed(CpuLimit, other.CpuLimit), Summed(MemoryLimit, other.MemoryLimit));

    public PodResources Max(PodResources other) =>
        new(Math.Max(CpuRequest, other.CpuRequest), Math.Max(MemoryRequest, other.MemoryRequest), Math.Max(CpuLimit, other.CpuLimit), Math.Max(MemoryLimit, other.MemoryLimit));

    /// <summary>Whole millicores, rounded up so a budget never comes out smaller than its sum; at most <see cref="MaxQuantity"/> millicores.</summary>
    public static string Cpu(decimal cores) =>
        $"{Math.Min(Math.Ceiling(Capped(cores) * 1000), MaxQuantity).ToString(CultureInfo.InvariantCulture)}m";

    /// <summary>Whole mebibytes, rounded up; at most <see cref="MaxQuantity"/> bytes.</summary>
    public static string Memory(decimal bytes) =>
        $"{Math.Min(Math.Ceiling(Capped(bytes) / Mebibyte), Math.Floor(MaxQuantity / Mebibyte)).ToString(CultureInfo.InvariantCulture)}Mi";

    private const decimal Mebibyte = 1024 * 1024;

    private static decimal Capped(decimal amount) => Math.Min(amount, MaxQuantity);

    private static decimal Scaled(decimal amount, decimal factor) =>
        factor > 0 && Capped(amount) > MaxQuantity / factor ? MaxQuantity : Capped(amount) * factor;

    private static decimal Summed(decimal a, decimal b) => Capped(Capped(a) + Capped(b));
}
