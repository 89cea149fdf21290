using Delivery.Core.Kubernetes;

namespace Delivery.Cli.Commands;

/// <summary>
/// deliver render: the objects and chart specs the Pulumi shell would declare. With --out, one
/// file per component (<c>app-api.yaml</c>, <c>monitoring.yaml</c>, …) and one per chart under
/// <c>charts/</c>; otherwise one YAML stream on standard output.
/// </summary>
internal static class RenderCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string? outDirectory)
    {
        var loaded = workspace.Load(stack);
        if (ProblemPrinter.Print(terminal, loaded.Problems, $"{stack}: "))
            return ExitCodes.Problems;
        var rendering = Workspace.Render(loaded);
        var objectCount = rendering.Objects.Count();
        var charts = rendering.Charts.ToList();
        if (outDirectory is null)
        {
            terminal.Output.Write(YamlWriter.WriteAll(rendering.Objects));
            foreach (var chart in charts)
                terminal.Output.Write("---\n" + YamlWriter.Write(ChartDocument(chart)));
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(outDirectory, "charts"));
            foreach (var component in rendering.Components.Where(c => c.Objects.Count > 0))
                File.WriteAllText(Path.Combine(outDirectory, $"{component.Component.Replace(':', '-')}.yaml"), YamlWriter.WriteAll(component.Objects));
            foreach (var chart in charts)
                File.WriteAllText(Path.Combine(outDirectory, "charts", $"{chart.ReleaseName}.yaml"), "---\n" + YamlWriter.Write(ChartDocument(chart)));
        }
        var apps = loaded.Config.Apps.Count;
        // On standard output the summary is a YAML comment, so the stream stays valid YAML.
        terminal.Line($"{(outDirectory is null ? "# " : "")}{stack}: {objectCount} objects in {rendering.Components.Count(c => c.Objects.Count > 0)} components, {charts.Count} charts, {apps} apps" +
                      (outDirectory is null ? "" : $" → {outDirectory}"));
        return ExitCodes.Ok;
    }

    private static OrderedDictionary<string, object?> ChartDocument(HelmChartSpec chart) => Manifest.Map(
        ("release", chart.ReleaseName),
        ("chart", chart.Chart),
        ("repository", chart.Repository),
        ("version", chart.Version),
        ("namespace", chart.Namespace),
        ("values", chart.Values));
}
