namespace Deliver.Tests;

/// <summary>README.md stays a front page: short, with the release picture, leading to every page of docs/.</summary>
public sealed class ReadmeShapeTests
{
    private static string Readme() => File.ReadAllText(Path.Combine(TestRepository.Root(), "README.md"));

    [Fact]
    public void The_readme_is_at_most_150_lines_with_the_release_flow_as_a_mermaid_diagram()
    {
        var readme = Readme();

        Assert.True(readme.Split('\n').Length <= 150, $"README.md has {readme.Split('\n').Length} lines; move detail to docs/.");
        Assert.Contains("```mermaid\nflowchart", readme, StringComparison.Ordinal);
        foreach (var step in new[] { "promote", "canary", "verify", "switch", "bake", "rollback", "gate", "ladder", "freeze" })
            Assert.Contains($"{step}[\"{step}", readme.Replace("{{\"", "[\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_links_every_page_of_docs()
    {
        var readme = Readme();
        foreach (var page in Directory.GetFiles(Path.Combine(TestRepository.Root(), "docs"), "*.md"))
            Assert.Contains($"](docs/{Path.GetFileName(page)})", readme, StringComparison.Ordinal);
    }
}
