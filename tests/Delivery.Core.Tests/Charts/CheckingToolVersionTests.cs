using System.Text.RegularExpressions;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Charts;

/// <summary>
/// The rules and the Alertmanager config are checked with promtool and amtool. Where the installed
/// tool is not the minor version of the image the chart runs, docs/charts/README.md says so in its
/// table of checking tools, with both versions and what differs.
/// </summary>
public sealed class CheckingToolVersionTests
{
    [Theory]
    [InlineData("promtool", "/prometheus:v")]
    [InlineData("amtool", "/alertmanager:v")]
    public void A_checking_tool_is_the_version_the_chart_runs_or_the_difference_is_written_down(string tool, string image)
    {
        var installed = Regex.Match(ExternalTool.Run(tool, ["--version"]).All, @"version (\d+\.\d+\.\d+)").Groups[1].Value;
        var kps = PinnedCharts.Versions().Single(spec => spec.Chart == "kube-prometheus-stack");
        var running = PinnedCharts.FactsOf(kps).SelectMany(f => f.Workloads).SelectMany(w => w.Images)
            .Select(i => Regex.Match(i, Regex.Escape(image) + @"(\d+\.\d+\.\d+)")).First(m => m.Success).Groups[1].Value;

        Assert.NotEmpty(installed);
        if (MinorOf(installed) == MinorOf(running))
            return;
        var table = File.ReadAllLines(Path.Combine(ChartFacts.Folder, "README.md")).Where(line => line.StartsWith($"| {tool} ", StringComparison.Ordinal));
        Assert.True(table.Any(row => row.Contains(installed, StringComparison.Ordinal) && row.Contains(running, StringComparison.Ordinal)),
            $"{tool} {installed} checks what the chart runs as {running}: docs/charts/README.md's checking-tools table needs a row '| {tool} | {installed} | {running} | what differs |'");
    }

    private static string MinorOf(string version) => string.Join('.', version.Split('.').Take(2));
}
