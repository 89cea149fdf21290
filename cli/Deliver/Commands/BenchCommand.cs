using System.Diagnostics;
using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Platform;

namespace Delivery.Cli.Commands;

/// <summary>
/// deliver bench: loads, validates and renders synthetic stacks of several sizes and prints the
/// time (best of a few runs), the bytes allocated and the objects per app. A measurement, not a test.
/// </summary>
internal static class BenchCommand
{
    private const int Runs = 3;

    public static int Run(Terminal terminal, int[] scales)
    {
        terminal.Line("apps    load+validate ms  render ms  allocated MB  objects  objects/app");
        foreach (var apps in scales)
        {
            var stack = SyntheticStack.Generate(apps);
            var (loadMs, _, loaded) = Measure(() => DeliveryConfigLoader.Load(stack, new Dictionary<string, string>()));
            if (loaded.HasErrors)
                throw new InvalidOperationException($"synthetic stack of {apps} apps is invalid: {loaded.Errors.First()}");
            var (renderMs, bytes, rendering) = Measure(() => PlatformRenderer.Render(loaded.Config, loaded.Tier!.Value));
            var objects = rendering.Objects.Count();
            var appObjects = rendering.Components.Where(c => c.Component.StartsWith("app:", StringComparison.Ordinal)).Sum(c => c.Objects.Count);
            terminal.Line(string.Format(CultureInfo.InvariantCulture, "{0,-7} {1,16:F1}  {2,9:F1}  {3,12:F1}  {4,7}  {5,11:F1}",
                apps, loadMs, renderMs, bytes / 1024.0 / 1024.0, objects, (double)appObjects / apps));
        }
        return ExitCodes.Ok;
    }

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
