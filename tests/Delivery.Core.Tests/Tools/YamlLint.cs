namespace Delivery.Core.Tests.Tools;

/// <summary>Runs yamllint with the repository's .yamllint on generated YAML.</summary>
internal static class YamlLint
{
    public static void AssertClean(string yaml)
    {
        var config = Path.Combine(TestRepository.Root(), ".yamllint");
        var result = ExternalTool.Run("yamllint", ["--strict", "-c", config, "-"], yaml);
        Assert.True(result.ExitCode == 0, $"yamllint found problems:\n{result.All}");
    }
}
