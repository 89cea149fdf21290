using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>Every pulumi config command deliver suggests names the stack, so it can be pasted as printed.</summary>
public sealed class FixHintTests
{
    [Fact]
    public void Ladder_freeze_and_version_fixes_name_the_stack()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("prod"), project.Stack("prod")
            .Replace("    enabled: false\n    reason: \"\"", "    enabled: true\n    reason: \"Black Friday\"", StringComparison.Ordinal));

        var frozen = project.Run("switch", "api", "--stack", "prod");
        File.WriteAllText(project.StackPath("prod"), ProjectCopy.Committed("prod").Replace($"green: {Pinned("1.5.0")}", "green: 1.5.0!", StringComparison.Ordinal));
        var badVersion = project.Run("check", "--stack", "prod");
        File.WriteAllText(project.StackPath("prod"), ProjectCopy.Committed("prod"));
        Assert.Equal(0, project.Run("switch", "api", "--stack", "prod").ExitCode);
        Assert.Equal(0, project.Run("promote", "api", Pinned("9.9.9"), "--stack", "prod").ExitCode);
        var unpromoted = project.Run("switch", "api", "--stack", "prod");

        Assert.Contains("deliver unfreeze --stack prod (or pulumi config set --stack prod --path delivery-platform:freeze.enabled false)", frozen.Error, StringComparison.Ordinal);
        Assert.Contains("or for a hotfix: deliver hotfix api --reason \"<why>\" --stack prod, deployed alone first (I4).", unpromoted.Error, StringComparison.Ordinal);
        Assert.Contains($"deliver promote api {Pinned("9.9.9")} --stack staging, then switch there", unpromoted.Error, StringComparison.Ordinal);
        Assert.Contains("--stack prod", CheckOutputTests.Unwrapped(badVersion.Error).Split('\n').Single(line => line.Contains("apps.api.green", StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (var line in (frozen.Error + unpromoted.Error + CheckOutputTests.Unwrapped(badVersion.Error)).Split('\n').Where(l => l.Contains("pulumi config", StringComparison.Ordinal)))
            Assert.Contains("--stack prod", line, StringComparison.Ordinal);
    }
}
