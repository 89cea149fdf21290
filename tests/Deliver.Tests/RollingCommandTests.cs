namespace Deliver.Tests;

/// <summary>
/// A copy of the committed dev stack whose web (blue 2.4.0 live, green 2.4.1-9c0ffee) is moved to
/// strategy rolling at 2.4.0 in one commit; then deliver's release steps on it.
/// </summary>
public sealed class RollingCommandTests
{
    private const string BlueGreenWeb = "      blue: 2.4.0\n      green: 2.4.1-9c0ffee\n      live: blue\n";
    private const string RollingWeb = "      strategy: rolling\n      version: 2.4.0\n";

    private static ProjectCopy Migrated()
    {
        var project = new ProjectCopy();
        var dev = project.Stack("dev");
        Assert.Contains(BlueGreenWeb, dev, StringComparison.Ordinal);
        File.WriteAllText(project.StackPath("dev"), dev.Replace(BlueGreenWeb, RollingWeb, StringComparison.Ordinal));
        project.Commit("Ana", "2026-01-02T10:00:00Z", "dev: web rolling");
        return project;
    }

    [Fact]
    public void Moving_an_app_to_rolling_is_one_config_change_that_replaces_its_slots_with_one_deployment()
    {
        using var project = Migrated();

        var check = project.Run("check", "--stack", "dev");
        var diff = project.Run("diff", "--stack", "dev", "--against", "HEAD~1");

        Assert.True(check.ExitCode == 0, check.Error);
        Assert.True(diff.ExitCode == 0, diff.Error);
        foreach (var line in new[]
                 {
                     "+ Deployment/apps/web", "- Deployment/apps/web-blue", "- Deployment/apps/web-green", "- Service/apps/web-blue", "- Service/apps/web-green",
                     "~ Service/apps/web", "~ ServiceMonitor/apps/web",
                 })
            Assert.Contains(line, diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_sets_the_version_and_changes_only_the_deployment()
    {
        using var project = Migrated();
        var before = project.Stack("dev");

        var result = project.Run("promote", "web", "2.5.0", "--stack", "dev");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(before.Replace("      version: 2.4.0\n", "      version: 2.5.0\n", StringComparison.Ordinal), project.Stack("dev"));
        Assert.Contains("dev: web: roll out 2.5.0 (was 2.4.0) over its Deployment, 25% surge, 0 unavailable; live as its pods become ready", result.Output, StringComparison.Ordinal);
        Assert.Contains("~ Deployment/apps/web", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.Split('\n'), l => l.TrimStart().StartsWith("~ ", StringComparison.Ordinal) || l.TrimStart().StartsWith("+ ", StringComparison.Ordinal) || l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
    }

    [Fact]
    public void Rollback_returns_to_the_version_live_before_the_latest_release_once()
    {
        using var project = Migrated();
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);
        project.Commit("Ben", "2026-01-02T11:00:00Z", "dev: web 2.5.0");

        var rollback = project.Run("rollback", "web", "--stack", "dev");
        project.Commit("Cy", "2026-01-02T12:00:00Z", "dev: roll back web");
        var again = project.Run("rollback", "web", "--stack", "dev");
        var history = project.Run("history", "--stack", "dev", "--app", "web");
        var status = project.Run("status", "--stack", "dev", "--wide");

        Assert.True(rollback.ExitCode == 0, rollback.Error);
        Assert.Contains("      version: 2.4.0\n", project.Stack("dev"), StringComparison.Ordinal);
        Assert.Contains("dev: web: roll back to 2.4.0 (from 2.5.0), the version live before its latest release", rollback.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("refused: nothing to roll back: web 2.4.0 is live again since 2026-01-02 12:00 UTC (rolled back from 2.5.0)", again.Error, StringComparison.Ordinal);
        Assert.True(history.ExitCode == 0, history.Error);
        Assert.Matches(@"rollback\s+rolling\s+2\.5\.0 → 2\.4\.0", history.Output);
        Assert.Matches(@"promote\s+rolling\s+2\.4\.0 → 2\.5\.0", history.Output);
        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Matches(@"web\s+ROLLED BACK\s+2\.4\.0 \(rolling\)\s+-\s+.*\s+-\s+2\.4\.0-[0-9a-f]{10}\s+-", status.Output);
    }

    [Fact]
    public void On_a_terminal_a_rolled_back_apps_phase_is_red()
    {
        using var project = Migrated();
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);
        project.Commit("Ben", "2026-01-02T11:00:00Z", "dev: web 2.5.0");
        Assert.Equal(0, project.Run("rollback", "web", "--stack", "dev").ExitCode);
        project.Commit("Cy", "2026-01-02T12:00:00Z", "dev: roll back web");

        var status = project.RunInColour("status", "--stack", "dev");

        Assert.Contains("web  \u001b[31mROLLED BACK\u001b[0m  ", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_script_verifies_a_rolling_release_as_live_through_the_apps_service()
    {
        using var project = Migrated();
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);

        var staged = project.Run("staged", "--stack", "dev", "--against", "HEAD");

        Assert.True(staged.ExitCode == 0, staged.Error);
        Assert.StartsWith("web\trolling\tlive\t2.5.0\thttp://web.apps.svc.cluster.local/ready\t", staged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_the_idle_slot_of_a_rolling_app()
    {
        using var project = Migrated();

        var result = project.Run("verify", "web", "--stack", "dev", "--prometheus", "http://127.0.0.1:9", "--slot", "idle");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot judge: web is a rolling app, with no idle slot; judge what runs with --slot live.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("switch", "refused: cannot switch web: it is a rolling app, with one Deployment and no idle slot; release with `deliver promote web <version>`")]
    [InlineData("abort", "refused: cannot abort web: it is a rolling app, with one Deployment and no idle slot; nothing is staged apart from what runs")]
    public void Steps_that_need_an_idle_slot_are_refused_and_write_nothing(string step, string refusal)
    {
        using var project = Migrated();
        var before = project.Stack("dev");

        var result = project.Run(step, "web", "--stack", "dev");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(refusal, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, project.Stack("dev"));
    }

    [Fact]
    public void A_frozen_stack_refuses_a_rolling_release()
    {
        using var project = Migrated();
        var before = project.Freeze("dev");

        var refused = project.Run("promote", "web", "2.5.0", "--stack", "dev");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("apps.web.version = \"2.5.0\": the stack is frozen (incident 42); changing it from \"2.4.0\" is refused.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, project.Stack("dev"));
    }
}
