using Delivery.Core.Io;
using Delivery.Core.Kubernetes;
using Delivery.Core.Platform;

namespace Deliver.Commands;

/// <summary>
/// deliver render: the objects, chart specs and Secrets the Pulumi shell would declare. With --out,
/// as a <see cref="RenderFolder"/>, replacing an earlier render in that folder; otherwise one YAML
/// stream on standard output.
/// </summary>
internal static class RenderCommand
{
    /// <summary>Marks a folder as deliver render's, so a later render may replace what is in it.</summary>
    private const string Marker = ".deliver-render";

    public static int Run(Workspace workspace, Terminal terminal, string stack, string? outDirectory)
    {
        var loaded = workspace.Load(stack);
        if (ProblemPrinter.PrintFor(stack, terminal, loaded.Problems) || loaded.Stack is not { } valid)
            return ExitCodes.Problems;
        var rendering = PlatformRenderer.Render(valid);
        var objectCount = rendering.Objects.Count();
        var charts = rendering.Charts.ToList();
        var secrets = rendering.Components.SelectMany(c => c.Secrets.Select(secret => (c.Component, Secret: secret))).ToList();
        if (outDirectory is null)
        {
            terminal.Output.Write(YamlWriter.WriteAll(rendering.Objects));
            foreach (var chart in charts)
                terminal.Output.Write("---\n" + YamlWriter.Write(RenderFolder.ChartDocument(chart)));
            foreach (var (component, secret) in secrets)
                terminal.Output.Write("---\n" + YamlWriter.Write(SecretDescription.Of(secret, component)));
        }
        else
        {
            PrepareFolder(outDirectory);
            RenderFolderWriter.Write(rendering, outDirectory);
        }
        var apps = loaded.Config.Apps.Count;
        // On standard output the summary is a YAML comment, so the stream stays valid YAML.
        terminal.Line($"{(outDirectory is null ? "# " : "")}{stack}: {objectCount} objects in {rendering.Components.Count(c => c.Objects.Count > 0)} components, {charts.Count} charts, {secrets.Count} secrets (described, never their values), {apps} apps" +
                      (outDirectory is null ? "" : $" → {outDirectory}"));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// An empty or new folder, or one an earlier render wrote (its files are removed, so the folder
    /// holds exactly this render); anything else is refused rather than mixed with or deleted.
    /// </summary>
    private static void PrepareFolder(string folder)
    {
        if (File.Exists(folder))
            throw new UsageException($"--out {folder} is a file; give a folder (new, empty, or an earlier render's).");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            if (!File.Exists(Path.Combine(folder, Marker)))
                throw new UsageException($"--out {folder} is not empty and was not written by deliver render; give a new or empty folder.");
            foreach (var sub in new[] { RenderFolder.Charts, RenderFolder.Secrets }.Select(name => Path.Combine(folder, name)).Where(Directory.Exists))
                Directory.Delete(sub, recursive: true);
            foreach (var file in Directory.GetFiles(folder, "*.yaml"))
                File.Delete(file);
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Marker), "Written by deliver render; the next render into this folder replaces its YAML files.\n");
    }
}
