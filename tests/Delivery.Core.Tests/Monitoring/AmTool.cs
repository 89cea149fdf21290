using System.Text.RegularExpressions;
using Delivery.Core.Kubernetes;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// Runs amtool 0.28 (the Alertmanager version kube-prometheus-stack runs) on an Alertmanager config
/// as generated, <c>*_file</c> settings included. The one exception is Jira, which Debian's build
/// leaves out (see <see cref="DebianJira"/>): a tree with a Jira receiver goes through it first.
/// </summary>
internal static partial class AmTool
{
    /// <summary>The first release whose config has every setting the platform renders (msteamsv2_configs, jira_configs).</summary>
    private static readonly Version Required = new(0, 28);

    private static readonly Lazy<string?> VersionProblem = new(() =>
    {
        var output = ExternalTool.Run("amtool", ["--version"]).All;
        var match = VersionLine().Match(output);
        return match.Success && new Version(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) >= Required
            ? null
            : $"amtool {Required}+ is needed (the Alertmanager version kube-prometheus-stack runs); found: {output.Split('\n')[0]}. "
              + "On Debian bookworm install prometheus-alertmanager from trixie with an apt pin.";
    });

    public static ExternalTool.Result CheckConfig(string config)
    {
        Assert.True(VersionProblem.Value is null, VersionProblem.Value);
        using var folder = new ScratchFolder();
        folder.Write("alertmanager.yaml", config);
        return ExternalTool.Run("amtool", ["check-config", "alertmanager.yaml"], workingDirectory: folder.Path);
    }

    public static ExternalTool.Result CheckConfig(OrderedDictionary<string, object?> tree) => CheckConfig(ForAmTool(tree));

    /// <summary>The receiver(s) an alert with these labels reaches.</summary>
    public static string RouteOf(string config, params string[] labels)
    {
        Assert.True(VersionProblem.Value is null, VersionProblem.Value);
        using var folder = new ScratchFolder();
        folder.Write("alertmanager.yaml", config);
        var result = ExternalTool.Run("amtool", ["config", "routes", "test", "--config.file=alertmanager.yaml", .. labels], workingDirectory: folder.Path);
        Assert.True(result.ExitCode == 0, result.All);
        return result.Output.Trim();
    }

    public static string RouteOf(OrderedDictionary<string, object?> tree, params string[] labels) => RouteOf(ForAmTool(tree), labels);

    [GeneratedRegex(@"amtool, version (\d+)\.(\d+)")]
    private static partial Regex VersionLine();

    private static string ForAmTool(OrderedDictionary<string, object?> tree) => YamlWriter.Write(DebianJira.CheckedAndReplaced(tree));
}
