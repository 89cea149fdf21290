using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>A whole release on a copy of the committed prod stack: each step changes only its value.</summary>
public sealed class ReleaseWorkflowTests
{
    /// <summary>The lines that differ between two versions of a file with the same number of lines.</summary>
    private static IReadOnlyList<(string Before, string After)> ChangedLines(string before, string after)
    {
        var old = before.Split('\n');
        var @new = after.Split('\n');
        Assert.Equal(old.Length, @new.Length);
        return [.. old.Zip(@new).Where(pair => pair.First != pair.Second)];
    }

    [Fact]
    public void Switch_then_rollback_then_promote_change_only_their_values()
    {
        using var project = new ProjectCopy();
        var original = project.Stack("prod");

        var switched = project.Run("switch", "api", "--stack", "prod");
        Assert.True(switched.ExitCode == 0, switched.Error);
        Assert.Equal([("      live: blue", "      live: green")], ChangedLines(original, project.Stack("prod")));
        Assert.Contains("~ Service/apps/api", switched.Output, StringComparison.Ordinal);
        Assert.Contains("next: pulumi preview --stack prod --diff", switched.Output, StringComparison.Ordinal);

        var rolledBack = project.Run("rollback", "api", "--stack", "prod");
        Assert.True(rolledBack.ExitCode == 0, rolledBack.Error);
        Assert.Equal(original, project.Stack("prod"));

        var promoted = project.Run("promote", "api", Pinned("1.6.0"), "--stack", "prod");
        Assert.True(promoted.ExitCode == 0, promoted.Error);
        Assert.Equal([($"      green: {Pinned("1.5.0")}", $"      green: {Pinned("1.6.0")}")], ChangedLines(original, project.Stack("prod")));
        Assert.Contains("~ Deployment/apps/api-green", promoted.Output, StringComparison.Ordinal);
    }

    /// <summary>Dev runs web 2.4.0 by tag; staging's green is 2.4.0 pinned: the switch goes ahead, saying what nothing vouches for.</summary>
    [Fact]
    public void A_switch_to_a_digest_upstream_ran_only_by_tag_goes_ahead_with_a_warning_and_the_check_to_make()
    {
        using var project = new ProjectCopy();
        var original = project.Stack("staging");

        var switched = project.Run("switch", "web", "--stack", "staging");

        Assert.True(switched.ExitCode == 0, switched.Error);
        Assert.Contains($"staging: warning: delivery-platform:apps.web.green = \"{Pinned("2.4.0")}\": goes live on dev's word for the tag 2.4.0", switched.Error, StringComparison.Ordinal);
        Assert.Contains("kubectl -n apps get pods -l app.kubernetes.io/name=web,app.kubernetes.io/version=2.4.0", switched.Error, StringComparison.Ordinal);
        Assert.Equal([("      live: blue", "      live: green"), ("      canaryWeight: 10", "      canaryWeight: 0")], ChangedLines(original, project.Stack("staging")));
    }

    /// <summary>#21: dev ran web 2.4.0 live, then moved on to 2.5.0; its git history keeps 2.4.0 eligible for staging within staging's window.</summary>
    [Fact]
    public void Staging_may_still_switch_to_the_version_dev_ran_live_before_dev_moved_on()
    {
        using var project = new ProjectCopy();
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);
        project.Commit("Ana", "2026-01-02T10:00:00Z", "dev: stage web 2.5.0");
        Assert.Equal(0, project.Run("switch", "web", "--stack", "dev").ExitCode);
        project.Commit("Ana", "2026-01-02T11:00:00Z", "dev: web 2.5.0 live");

        var switched = project.Run("switch", "web", "--stack", "staging");

        Assert.True(switched.ExitCode == 0, switched.Error);
        Assert.Contains($"goes live on dev's word for the tag 2.4.0", switched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switch_to_a_version_not_live_upstream_is_refused_and_nothing_is_written()
    {
        using var project = new ProjectCopy();
        Assert.Equal(0, project.Run("switch", "api", "--stack", "prod").ExitCode);
        Assert.Equal(0, project.Run("promote", "api", Pinned("9.9.9"), "--stack", "prod").ExitCode);
        var before = project.Stack("prod");

        var refused = project.Run("switch", "api", "--stack", "prod");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"cannot go live: the upstream stack staging has not run it live; it vouches for {Pinned("1.5.0")} (I1).", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, project.Stack("prod"));
    }

    [Fact]
    public void A_frozen_stack_refuses_a_switch_naming_the_reason()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("prod"), project.Stack("prod")
            .Replace("    enabled: false\n    reason: \"\"", "    enabled: true\n    reason: \"Black Friday\"", StringComparison.Ordinal));
        var before = project.Stack("prod");

        var refused = project.Run("switch", "api", "--stack", "prod");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the stack is frozen (Black Friday); changing it from \"blue\" is refused.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, project.Stack("prod"));
    }

    [Fact]
    public void Rollback_without_a_previous_version_is_refused()
    {
        using var project = new ProjectCopy();

        var refused = project.Run("rollback", "web", "--stack", "prod");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"refused: nothing to roll back: web {Pinned("2.3.1")} has been live since 2026-01-01 10:00 UTC (the start of its history here).", refused.Error.Trim());
        Assert.Equal(ProjectCopy.Committed("prod"), project.Stack("prod"));
    }

    [Fact]
    public void A_dry_run_shows_the_change_and_writes_nothing()
    {
        using var project = new ProjectCopy();

        var dryRun = project.Run("promote", "api", Pinned("1.6.0"), "--stack", "staging", "--dry-run");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains($"delivery-platform:apps.api.blue = {Pinned("1.6.0")}", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing was written.", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(ProjectCopy.Committed("staging"), project.Stack("staging"));
    }

    [Fact]
    public void Secure_values_and_comments_survive_an_edit()
    {
        using var project = new ProjectCopy();
        var withSecret = project.Stack("staging").Replace("    username: acme-shop-bot\n",
            "    username: acme-shop-bot\n    password:\n      secure: v1:c2VjcmV0LWNpcGhlcnRleHQ=  # set with --secret\n", StringComparison.Ordinal);
        File.WriteAllText(project.StackPath("staging"), withSecret);

        Assert.Equal(0, project.Run("switch", "web", "--stack", "staging").ExitCode);

        Assert.Equal([("      live: blue", "      live: green"), ("      canaryWeight: 10", "      canaryWeight: 0")], ChangedLines(withSecret, project.Stack("staging")));
    }
}
