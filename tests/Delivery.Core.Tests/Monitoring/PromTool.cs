using Delivery.Core.Kubernetes;
using Delivery.Core.Tests.Tools;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>Runs promtool on the rule groups of PrometheusRule objects, in a scratch folder.</summary>
internal static class PromTool
{
    public const string RulesFile = "rules.yaml";

    /// <summary>A PrometheusRule's groups as a plain Prometheus rule file.</summary>
    public static string RuleFile(KubernetesObject rule) =>
        YamlWriter.Write(Map(("groups", ((OrderedDictionary<string, object?>)rule.Body["spec"]!)["groups"])));

    public static ExternalTool.Result CheckRules(string ruleFile)
    {
        using var folder = new ScratchFolder();
        folder.Write(RulesFile, ruleFile);
        return ExternalTool.Run("promtool", ["check", "rules", RulesFile], workingDirectory: folder.Path);
    }

    public static ExternalTool.Result TestRules(string ruleFile, string testFile)
    {
        using var folder = new ScratchFolder();
        folder.Write(RulesFile, ruleFile);
        folder.Write("tests.yaml", testFile);
        return ExternalTool.Run("promtool", ["test", "rules", "tests.yaml"], workingDirectory: folder.Path);
    }
}

/// <summary>A temporary folder, removed on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("monitoring-test-").FullName;

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
