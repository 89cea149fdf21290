using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>deliver images: what the release workflow's Trivy step loops over, and the severities it fails on.</summary>
public sealed class ImagesCommandTests
{
    private static void Ok((int ExitCode, string Output, string Error) result) => Assert.True(result.ExitCode == 0, result.Error + result.Output);

    [Fact]
    public void Against_the_deployed_revision_only_the_staged_version_is_listed_with_its_digest()
    {
        using var project = new ProjectCopy();
        Ok(project.Run("promote", "api", Pinned("1.6.0"), "--stack", "staging"));
        project.Commit("Ana", "2026-01-02T09:00:00Z", "staging: promote api 1.6.0");

        var changed = project.Run("images", "--stack", "staging", "--changed-against", "HEAD~1");
        var all = project.Run("images", "--stack", "staging");

        Ok(changed);
        var reference = Assert.Single(changed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith($"/shop/api:{Pinned("1.6.0")}", reference, StringComparison.Ordinal);
        Ok(all);
        Assert.Contains(reference, all.Output.Split('\n'));
        Assert.True(all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, all.Output);
        Assert.Empty(project.Run("images", "--stack", "staging", "--changed-against", "HEAD").Output.Trim());
    }

    [Fact]
    public void Severity_and_json_give_the_stacks_scan_severities()
    {
        using var project = new ProjectCopy(git: false);

        Assert.Equal("CRITICAL", project.Run("images", "--stack", "dev", "--severity").Output.Trim());
        var json = JsonDocs.AssertDocumented("images", project.Run("images", "--stack", "prod", "--json").Output);
        Assert.Equal("HIGH,CRITICAL", json.GetProperty("severity").GetString());
        Assert.Contains("@sha256:", json.GetProperty("images")[0].GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, project.Run("images").ExitCode);
    }
}
