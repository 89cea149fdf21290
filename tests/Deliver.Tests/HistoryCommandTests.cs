using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>deliver rollback / abort / history / status against a real git history of the stack files.</summary>
public sealed class HistoryCommandTests
{
    private static void Ok((int ExitCode, string Output, string Error) result) => Assert.True(result.ExitCode == 0, result.Error + result.Output);

    /// <summary>staging: api 1.5.0 live in green, 1.4.2 in blue. Promote 1.6.0, switch, roll back: each step committed by someone.</summary>
    private static ProjectCopy Released()
    {
        var project = new ProjectCopy();
        Ok(project.Run("promote", "api", "1.6.0", "--stack", "dev"));
        project.Commit("Ben", "2026-01-01T12:00:00Z", "dev: promote api 1.6.0");
        Ok(project.Run("switch", "api", "--stack", "dev"));
        project.Commit("Ben", "2026-01-01T13:00:00Z", "dev: switch api");
        Ok(project.Run("promote", "api", Pinned("1.6.0"), "--stack", "staging"));
        project.Commit("Ana", "2026-01-02T09:00:00Z", "staging: promote api 1.6.0");
        Ok(project.Run("switch", "api", "--stack", "staging"));
        project.Commit("Ana", "2026-01-02T10:00:00Z", "staging: switch api");
        return project;
    }

    [Fact]
    public void Rollback_returns_to_the_version_live_before_the_switch_and_then_refuses_a_second_one()
    {
        using var project = Released();

        var rollback = project.Run("rollback", "api", "--stack", "staging");

        Ok(rollback);
        Assert.Contains($"staging: api: roll back to green ({Pinned("1.5.0")}) from blue ({Pinned("1.6.0")})", rollback.Output, StringComparison.Ordinal);
        Assert.Equal(ProjectCopy.Committed("staging").Replace($"blue: {Pinned("1.4.2")}", $"blue: {Pinned("1.6.0")}", StringComparison.Ordinal), project.Stack("staging"));
        project.Commit("Cy", "2026-01-02T10:20:00Z", "staging: roll back api");
        var again = project.Run("rollback", "api", "--stack", "staging");
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith($"refused: nothing to roll back: api {Pinned("1.5.0")} is live again since 2026-01-02 10:20 UTC (rolled back from {Pinned("1.6.0")})", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_freeze_holds_a_switch_but_never_the_rollback()
    {
        using var project = Released();
        File.WriteAllText(project.StackPath("staging"), project.Stack("staging") + "  delivery-platform:freeze:\n    enabled: true\n    reason: incident 42\n");
        project.Commit("Dee", "2026-01-02T10:05:00Z", "freeze staging");

        var rollback = project.Run("rollback", "api", "--stack", "staging");

        Ok(rollback);
        Assert.Contains("live: green", project.Stack("staging"), StringComparison.Ordinal);
        project.Commit("Cy", "2026-01-02T10:10:00Z", "roll back api");
        var @switch = project.Run("switch", "api", "--stack", "staging");
        Assert.Equal(1, @switch.ExitCode);
        Assert.Contains("the stack is frozen (incident 42); changing it from \"green\" is refused.", @switch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollback_right_after_a_promote_is_refused_and_abort_undoes_the_promote()
    {
        using var project = new ProjectCopy();
        Ok(project.Run("promote", "api", Pinned("1.7.0"), "--stack", "staging"));

        var rollback = project.Run("rollback", "api", "--stack", "staging");

        Assert.Equal(1, rollback.ExitCode);
        Assert.Equal($"refused: nothing to roll back: api {Pinned("1.5.0")} has been live since 2026-01-01 10:00 UTC (the start of its history here); to drop the staged {Pinned("1.7.0")} run `deliver abort api --stack staging`.",
            rollback.Error.Trim());
        var abort = project.Run("abort", "api", "--stack", "staging");
        Ok(abort);
        Assert.Equal(ProjectCopy.Committed("staging"), project.Stack("staging"));
    }

    [Fact]
    public void Promote_warns_when_it_overwrites_the_rollback_target_and_status_shows_the_target()
    {
        using var project = Released();

        var status = project.Run("status", "--stack", "staging");
        Assert.Matches(@"\napi\s.*\s1\.5\.0@[0-9a-f]{7} \(green, ready\)\n", status.Output);

        var promote = project.Run("promote", "api", Pinned("1.7.0"), "--stack", "staging");
        Ok(promote);
        Assert.Contains($"staging: note: green held {Pinned("1.5.0")}, the rollback target; after this, rolling back needs a redeploy of {Pinned("1.5.0")}", promote.Error, StringComparison.Ordinal);
        Assert.Matches(@"\napi\s.*\s1\.5\.0@[0-9a-f]{7} \(green, gone\)\n", project.Run("status", "--stack", "staging").Output);
    }

    [Fact]
    public void History_lists_the_events_newest_first_and_as_json()
    {
        using var project = Released();

        var history = project.Run("history", "--app", "api");

        Ok(history);
        var lines = history.Output.Trim().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^2026-01-02 10:00 UTC\s+staging\s+api\s+switch\s+blue\s+1\.5\.0@[0-9a-f]{7} → 1\.6\.0@[0-9a-f]{7}\s+[0-9a-f]{10}\s+Ana$", lines[1]);
        Assert.Matches(@"^2026-01-01 12:00 UTC\s+dev\s+api\s+promote\s+blue\s+1\.5\.0 → 1\.6\.0\s", lines[4]);
        var verbose = project.Run("history", "--app", "api", "--verbose").Output.Trim().Split('\n');
        Assert.Matches(@"^2026-01-02 10:00 UTC\s+staging\s+api\s+switch\s+blue\s+1\.5\.0@sha256:[0-9a-f]{64} → 1\.6\.0@sha256:[0-9a-f]{64}\s+[0-9a-f]{10}\s+Ana\s+1\.6\.0-sha256-[0-9a-f]{12}-[0-9a-f]{10}$", verbose[1]);

        var json = JsonDocs.AssertDocumented("history", project.Run("history", "--stack", "staging", "--json").Output);
        Assert.Equal(["switch", "promote"], json.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        Assert.Equal("Ana", json[0].GetProperty("author").GetString());
    }

    [Fact]
    public void Versions_skipped_as_invalid_are_one_note_unless_verbose()
    {
        using var project = Released();
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("delivery-platform:environment: dev", "delivery-platform:environment: dve", StringComparison.Ordinal));
        project.Commit("Cy", "2026-01-03T09:00:00Z", "dev: a typo");
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("delivery-platform:environment: dve", "delivery-platform:environment: dev", StringComparison.Ordinal));
        project.Commit("Cy", "2026-01-03T10:00:00Z", "dev: fix the typo");

        var brief = project.Run("history", "--stack", "dev");
        var verbose = project.Run("history", "--stack", "dev", "--verbose");

        Assert.Equal(["note: 1 version of a stack file was skipped (invalid or unreadable then); --verbose lists them."],
            brief.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^note: dev [0-9a-f]{10} \(2026-01-03\): skipped, the stack file was invalid: ", verbose.Error);
    }

    [Fact]
    public void History_dora_prints_each_figure()
    {
        using var project = Released();
        Ok(project.Run("rollback", "api", "--stack", "staging"));
        project.Commit("Cy", "2026-01-02T10:30:00Z", "staging: roll back api");

        var dora = project.Run("history", "--dora", "--since", "1000w", "--stack", "staging");

        Ok(dora);
        Assert.Matches(@"\nstaging\s+1\s+0\.00\s+100% \(1/1\)\s+30m\s+30m\n", dora.Output);
        Assert.Contains("lead time for changes: n/a", dora.Output, StringComparison.Ordinal);
        var json = JsonDocs.AssertDocumented("history --dora", project.Run("history", "--dora", "--since", "1000w", "--stack", "staging", "--json").Output);
        Assert.Equal("P1D", json.GetProperty("failureWindow").GetString());
        Assert.Equal("PT30M", json.GetProperty("stacks")[0].GetProperty("medianTimeToRestore").GetString());
        var all = project.Run("history", "--dora", "--since", "1000w");
        // dev first promote 2026-01-01 12:00 → never live in prod: no releases
        Assert.Contains("lead time for changes (dev first promote → live in prod): median n/a, worst n/a over 0 releases", all.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_releases_summarises_a_branch_as_events_with_ladder_and_freeze_verdicts()
    {
        using var project = new ProjectCopy();
        project.Git("checkout", "-q", "-b", "release");
        Ok(project.Run("promote", "api", Pinned("1.6.0"), "--stack", "staging"));
        project.Commit("Ben", "2026-01-03T09:00:00Z", "staging: promote api 1.6.0");
        // By hand, past deliver: make the never-live 1.6.0 live, calling it a rollback.
        File.WriteAllText(project.StackPath("staging"), project.Stack("staging").Replace("      live: green\n      port: 8080\n      healthPath: /healthz", "      live: blue\n      port: 8080\n      healthPath: /healthz", StringComparison.Ordinal));

        var diff = project.Run("diff", "--stack", "staging", "--against", "main", "--releases");

        Ok(diff);
        var lines = diff.Output.Split('\n');
        Assert.Equal("staging: releases against main", lines[0]);
        Assert.Matches(@"^  api  promote  blue  1\.4\.2@sha256:[0-9a-f]{64} → 1\.6\.0@sha256:[0-9a-f]{64}  \([0-9a-f]{10}, Ben\)$", lines[1]);
        Assert.Equal($"  api  switch  blue  {Pinned("1.5.0")} → {Pinned("1.6.0")}  (uncommitted, (uncommitted))", lines[2]);
        Assert.Equal("  freeze: not frozen", lines[3]);
        Assert.StartsWith($"  ladder: REFUSED: delivery-platform:apps.api.blue = {Pinned("1.6.0")}: cannot go live: the upstream stack dev has not run it live", lines[4], StringComparison.Ordinal);
        Assert.Contains("~ Deployment/apps/api-blue", diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_git_history_commands_say_so_in_one_line_and_others_still_work()
    {
        using var project = new ProjectCopy(git: false);

        var history = project.Run("history");
        Assert.Equal(1, history.ExitCode);
        Assert.Single(history.Error.Trim().Split('\n'));
        Assert.StartsWith("dev: no release history: git rev-parse failed: fatal: not a git repository", history.Error, StringComparison.Ordinal);

        var rollback = project.Run("rollback", "api", "--stack", "prod");
        Assert.Equal(1, rollback.ExitCode);
        Assert.StartsWith("refused: a rollback needs the release history: git rev-parse failed", rollback.Error, StringComparison.Ordinal);

        var status = project.Run("status", "--stack", "prod");
        Ok(status);
        Assert.Contains("? (no history)", status.Output, StringComparison.Ordinal);
        Ok(project.Run("switch", "api", "--stack", "prod"));
        Ok(project.Run("check", "--all"));
    }
}
