using System.Diagnostics;
using System.Globalization;
using System.Text;
using Delivery.Core.Io;
using Delivery.Core.Release.History;

namespace Delivery.Bench;

/// <summary>
/// delivery-bench history: writes a synthetic repository with <c>git fast-import</c> (per stack
/// and day one promote and one switch, the app changing daily) into a temp folder, then times
/// reading every stack's release history from it, best of a few runs. A measurement, not a test.
/// </summary>
internal static class HistoryBench
{
    private const int Runs = 3;
    private static readonly string[] StackNames = ["dev", "qa", "staging", "prod"];

    public static int Run(TextWriter output, int days, int apps)
    {
        var root = Directory.CreateTempSubdirectory("deliver-history-bench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var commits = Generate(root, days, apps);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "repository: {0} stacks, {1} apps, {2} days, {3:N0} commits (written in {4:F1} s)",
                StackNames.Length, apps, days, commits, clock.Elapsed.TotalSeconds));
            output.WriteLine("stack    versions  events  git ms  parse+events ms  total ms");
            var best = double.MaxValue;
            var lines = new List<string>();
            for (var run = 0; run < Runs; run++)
            {
                lines.Clear();
                var all = Stopwatch.StartNew();
                foreach (var stack in StackNames)
                {
                    var watch = Stopwatch.StartNew();
                    var versions = StackFileHistory.Read(root, $"stacks/Pulumi.{stack}.yaml");
                    var gitMs = watch.Elapsed.TotalMilliseconds;
                    var ledger = ReleaseLedger.Build(stack, versions);
                    var totalMs = watch.Elapsed.TotalMilliseconds;
                    if (ledger.Notes.Count > 0)
                        throw new InvalidOperationException($"synthetic history is invalid: {ledger.Notes[0]}");
                    lines.Add(string.Format(CultureInfo.InvariantCulture, "{0,-7}  {1,8}  {2,6}  {3,6:F0}  {4,15:F0}  {5,8:F0}",
                        stack, versions.Count, ledger.Events.Count, gitMs, totalMs - gitMs, totalMs));
                }
                best = Math.Min(best, all.Elapsed.TotalMilliseconds);
            }
            foreach (var line in lines)
                output.WriteLine(line);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "all stacks: {0:F0} ms (best of {1} runs)", best, Runs));
            return BenchCli.Ok;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The repository as one fast-import stream; returns the number of commits.</summary>
    private static int Generate(string root, int days, int apps)
    {
        Git(root, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(root, "Pulumi.yaml"), "name: delivery-platform\nruntime: dotnet\n");
        var stream = new StringBuilder();
        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var mark = 0;
        var state = StackNames.ToDictionary(s => s, _ => Enumerable.Range(0, apps).Select(_ => (Blue: "1.0.0", Green: "1.0.1", Live: "green")).ToArray());
        void Commit(long time, string message, string stack)
        {
            var text = Text(stack, state[stack]);
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{++mark}\n");
            stream.Append(CultureInfo.InvariantCulture, $"author Bench <bench@example.com> {time} +0000\ncommitter Bench <bench@example.com> {time} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline stacks/Pulumi.{stack}.yaml\ndata {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
        }
        foreach (var stack in StackNames)
            Commit(start, $"{stack} stack", stack);
        for (var day = 1; day <= days; day++)
        {
            foreach (var (stack, index) in StackNames.Select((s, i) => (s, i)))
            {
                var app = day % apps;
                var version = $"1.{day}.0";
                var slots = state[stack];
                var (blue, green, live) = slots[app];
                slots[app] = live == "green" ? (version, green, live) : (blue, version, live);
                Commit(start + day * 86_400L + index * 600, $"promote app{app} {version}", stack);
                slots[app] = slots[app] with { Live = live == "green" ? "blue" : "green" };
                Commit(start + day * 86_400L + index * 600 + 300, $"switch app{app}", stack);
            }
        }
        var import = new ProcessStartInfo("git", ["fast-import", "--quiet"]) { WorkingDirectory = root, RedirectStandardInput = true };
        using (var process = Process.Start(import)!)
        {
            process.StandardInput.Write(stream.ToString());
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException("git fast-import failed");
        }
        Git(root, "checkout", "-q", "-f", "main");
        return mark;
    }

    private static string Text(string stack, (string Blue, string Green, string Live)[] apps)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"config:\n  delivery-platform:environment: dev\n  delivery-platform:cluster:\n    mode: existing\n    context: {stack}\n")
            .Append("  delivery-platform:registry:\n    mode: in-cluster\n    host: registry.example.com\n  delivery-platform:ci:\n    mode: none\n  delivery-platform:apps:\n");
        for (var i = 0; i < apps.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"    app{i}:\n      image: shop/app{i}\n      blue: {apps[i].Blue}\n      green: {apps[i].Green}\n      live: {apps[i].Live}\n");
        return text.ToString();
    }

    private static void Git(string root, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = root })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {args[0]} failed");
    }
}
