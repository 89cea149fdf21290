using System.Text.RegularExpressions;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// Runs amtool on an Alertmanager config. The Debian amtool here (0.25) predates webhook
/// <c>url_file</c> (Alertmanager 0.26+, which kube-prometheus-stack runs), so each <c>url_file</c> is
/// first resolved the way Alertmanager resolves it at send time: replaced by the file's URL, here a
/// placeholder per receiver file. Everything else is checked as generated.
/// </summary>
internal static partial class AmTool
{
    public static string ResolveUrlFiles(string config) =>
        UrlFile().Replace(config, match => $"url: https://hooks.example.com/{Path.GetFileName(match.Groups["file"].Value)}");

    public static ExternalTool.Result CheckConfig(string config)
    {
        using var folder = new ScratchFolder();
        folder.Write("alertmanager.yaml", ResolveUrlFiles(config));
        return ExternalTool.Run("amtool", ["check-config", "alertmanager.yaml"], workingDirectory: folder.Path);
    }

    /// <summary>The receiver(s) an alert with these labels reaches.</summary>
    public static string RouteOf(string config, params string[] labels)
    {
        using var folder = new ScratchFolder();
        folder.Write("alertmanager.yaml", ResolveUrlFiles(config));
        var result = ExternalTool.Run("amtool", ["config", "routes", "test", "--config.file=alertmanager.yaml", .. labels], workingDirectory: folder.Path);
        Assert.True(result.ExitCode == 0, result.All);
        return result.Output.Trim();
    }

    [GeneratedRegex(@"url_file: (?<file>\S+)")]
    private static partial Regex UrlFile();
}
