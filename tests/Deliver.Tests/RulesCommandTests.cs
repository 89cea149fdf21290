using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>deliver freeze, unfreeze and hotfix: the release rules as steps, each changing only its own lines.</summary>
public sealed class RulesCommandTests
{
    private static IReadOnlyList<(string Before, string After)> ChangedLines(string before, string after) =>
        [.. before.Split('\n').Zip(after.Split('\n')).Where(pair => pair.First != pair.Second)];

    [Fact]
    public void Freeze_refuses_release_steps_until_unfreeze_lifts_it()
    {
        using var project = new ProjectCopy();
        var original = project.Stack("prod");

        var frozen = project.Run("freeze", "--stack", "prod", "--reason", "Black Friday");
        Assert.Equal([("    enabled: false", "    enabled: true"), ("    reason: \"\"", "    reason: \"Black Friday\"")], ChangedLines(original, project.Stack("prod")));
        var refused = project.Run("switch", "api", "--stack", "prod");
        var lifted = project.Run("unfreeze", "--stack", "prod");
        var again = project.Run("unfreeze", "--stack", "prod");

        Assert.True(frozen.ExitCode == 0, frozen.Error);
        Assert.Contains("prod: frozen: Black Friday.", frozen.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the stack is frozen (Black Friday)", refused.Error, StringComparison.Ordinal);
        Assert.True(lifted.ExitCode == 0, lifted.Error);
        Assert.Contains("next: deploy this alone first (pulumi up --stack prod): a change that loosens the release rules is refused together with a release step (I4).", lifted.Output, StringComparison.Ordinal);
        Assert.Equal(original, project.Stack("prod"));
        Assert.Equal((0, "prod: not frozen; nothing to do."), (again.ExitCode, again.Output.Trim()));
    }

    [Fact]
    public void A_freeze_without_a_reason_is_a_usage_error()
    {
        using var project = new ProjectCopy();
        var before = project.Stack("dev");

        Assert.Equal(2, project.Run("freeze", "--stack", "dev").ExitCode);
        Assert.Equal(2, project.Run("freeze", "--stack", "dev", "--reason", " ").ExitCode);
        Assert.Equal(before, project.Stack("dev"));
    }

    [Fact]
    public void A_hotfix_reason_lets_an_unpromoted_version_go_live_with_a_warning_and_clear_removes_it()
    {
        using var project = new ProjectCopy();
        Assert.Equal(0, project.Run("switch", "api", "--stack", "prod").ExitCode);
        Assert.Equal(0, project.Run("promote", "api", Pinned("9.9.9"), "--stack", "prod").ExitCode);
        Assert.Equal(1, project.Run("switch", "api", "--stack", "prod").ExitCode);

        var hotfix = project.Run("hotfix", "api", "--stack", "prod", "--reason", "CVE-2026-1");
        var switched = project.Run("switch", "api", "--stack", "prod");
        var cleared = project.Run("hotfix", "api", "--stack", "prod", "--clear");

        Assert.True(hotfix.ExitCode == 0, hotfix.Error);
        Assert.Contains("delivery-platform:apps.api.hotfixReason = CVE-2026-1", hotfix.Output, StringComparison.Ordinal);
        Assert.True(switched.ExitCode == 0, switched.Error);
        Assert.Contains("a hotfix (CVE-2026-1)", switched.Error, StringComparison.Ordinal);
        Assert.True(cleared.ExitCode == 0, cleared.Error);
        Assert.DoesNotContain("CVE-2026-1", project.Stack("prod"), StringComparison.Ordinal);
        Assert.Equal(2, project.Run("hotfix", "api", "--stack", "prod").ExitCode);
        Assert.Equal(2, project.Run("hotfix", "apii", "--stack", "prod", "--reason", "x").ExitCode);
    }
}
