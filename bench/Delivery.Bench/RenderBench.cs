using System.Diagnostics;
using System.Globalization;
using Delivery.Core.Apps;
using Delivery.Core.Platform;
using Delivery.Core.Validation;

namespace Delivery.Bench;

/// <summary>
/// delivery-bench render: loads, validates and renders synthetic stacks of several sizes and prints the
/// time (best of 5 runs) with its ratio per doubling, the bytes allocated and the objects per app. A measurement, not a test.
/// </summary>
internal static class RenderBench
{
    private const int Runs = 5;

    public static int Run(TextWriter output, int[] scales)
    {
        if (scales.Length == 0 || scales.Any(apps => apps < 1))
            throw new ArgumentException($"--apps takes app counts of 1 or more (got {(scales.Length == 0 ? "none" : string.Join(' ', scales))}), e.g. delivery-bench render --apps 100 200 400.");
        output.WriteLine("apps    load+validate ms  ×prev  render ms  ×prev  load MB  render MB  objects  objects/app");
        (int Apps, double LoadMs, double RenderMs)? previous = null;
        foreach (var apps in scales)
        {
            var stack = SyntheticStack.Generate(apps);
            var (loadMs, loadBytes, loaded) = Measure(() => DeliveryConfigLoader.Load(stack, new Dictionary<string, string>()));
            if (loaded.Stack is not { } valid)
                throw new InvalidOperationException($"synthetic stack of {apps} apps is invalid: {loaded.Errors.First()}");
            var (renderMs, bytes, rendering) = Measure(() => PlatformRenderer.Render(valid));
            var objects = rendering.Objects.Count();
            var appObjects = rendering.Components.Where(c => c.Component.StartsWith(AppRenderer.ComponentPrefix, StringComparison.Ordinal)).Sum(c => c.Objects.Count);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-7} {1,16:F1}  {2,5}  {3,9:F1}  {4,5}  {5,7:F1}  {6,9:F1}  {7,7}  {8,11:F1}",
                apps, loadMs, Growth(previous?.Apps, previous?.LoadMs, apps, loadMs), renderMs, Growth(previous?.Apps, previous?.RenderMs, apps, renderMs),
                loadBytes / 1024.0 / 1024.0, bytes / 1024.0 / 1024.0, objects, (double)appObjects / apps));
            previous = (apps, loadMs, renderMs);
        }
        output.WriteLine("×prev: time against the previous row; linear growth is ≈2.0 when the app count doubles (MB: allocated, a steadier sign of it on a busy machine).");
        return BenchCli.Ok;
    }

    /// <summary>The time's ratio to the previous row's, shown only when the app count doubled.</summary>
    private static string Growth(int? previousApps, double? previousMs, int apps, double ms) =>
        previousApps * 2 == apps && previousMs > 0 ? (ms / previousMs.Value).ToString("F1", CultureInfo.InvariantCulture) : "-";

    /// <summary>Best wall time of a few runs, and the bytes the last run allocated on this thread.</summary>
    private static (double Milliseconds, long Bytes, T Result) Measure<T>(Func<T> work)
    {
        var best = double.MaxValue;
        long bytes = 0;
        T result = default!;
        for (var run = 0; run < Runs; run++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            result = work();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        }
        return (best, bytes, result);
    }
}
