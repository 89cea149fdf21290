namespace Delivery.Core.Tests.Tools;

/// <summary>Parses the LogQL of a Loki rule file with Grafana's grammar (@grafana/lezer-logql) through tools/logql-check.</summary>
internal static class LogQlCheck
{
    public static ExternalTool.Result Run(string ruleFile)
    {
        var folder = Path.Combine(TestRepository.Root(), "tools", "logql-check");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            throw new InvalidOperationException("tools/logql-check is not installed: run bash tools/test.sh (or npm ci --prefix tools/logql-check).");
        return ExternalTool.Run("node", [Path.Combine(folder, "check.mjs"), "-"], ruleFile);
    }

    public static void AssertValid(string ruleFile)
    {
        var result = Run(ruleFile);
        Assert.True(result.ExitCode == 0, $"logql-check failed:\n{result.All}");
    }
}
