using System.CommandLine;

namespace Delivery.Bench;

/// <summary>delivery-bench's commands: the rendering and the history-reading benchmarks.</summary>
internal static class BenchCli
{
    public const int Ok = 0;
    public const int Usage = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var scales = new Option<int[]>("--apps") { Description = "App counts to render.", DefaultValueFactory = _ => [1, 10, 100, 1000], AllowMultipleArgumentsPerToken = true };
        var render = new Command("render", "Load, validate and render synthetic prod stacks: time, allocations and objects per app at several scales.") { scales };
        render.SetAction(parsed => Guard(error, () => RenderBench.Run(output, parsed.GetValue(scales)!)));

        var history = new Command("history", "Time reading a synthetic release history (a year of daily releases, 4 stacks, 20 apps).");
        history.SetAction(_ => Guard(error, () => HistoryBench.Run(output, days: 365, apps: 20)));

        var command = new RootCommand("delivery-bench: benchmarks of the Delivery Platform core; measurements, not tests.") { render, history };
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                error.WriteLine($"error: {problem.Message}");
            return Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>A refused input is one line and exit code 2, never a stack trace.</summary>
    private static int Guard(TextWriter error, Func<int> benchmark)
    {
        try
        {
            return benchmark();
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return Usage;
        }
    }
}
