using Delivery.Core.Io;
using Delivery.Core.Model.Values;
using Delivery.Core.Release.History;
using static Delivery.Core.Release.History.ReleaseEventKind;
using static Delivery.Core.Tests.ExampleVersions;

namespace Delivery.Core.Tests.Release.History;

/// <summary>
/// The ledger of a real repository: several authors, a rename, a merge of a side branch, an invalid
/// version, a damaged blob; every event kind with its time, commit, author and from → to.
/// </summary>
public sealed class ReleaseLedgerTests
{
    private const string Old = "stacks/Pulumi.stage.yaml";
    private const string File = "stacks/Pulumi.staging.yaml";

    /// <summary>Builds the history; returns the commits by name.</summary>
    private static Dictionary<string, string> BuildHistory(GitRepository repo)
    {
        var commits = new Dictionary<string, string>();
        repo.Write(Old, GitRepository.StagingStack());
        commits["initial"] = repo.Commit("Ana", "2026-01-01T10:00:00Z", "staging stack");
        repo.Set(Old, "apps.api.blue", Pinned("1.6.0"));
        commits["promote"] = repo.Commit("Ben", "2026-01-02T10:00:00Z", "promote api 1.6.0");
        repo.Git("mv", Old, File);
        commits["rename"] = repo.Commit("Ana", "2026-01-02T11:00:00Z", "rename the stack file");
        repo.Set(File, "apps.api.live", "blue");
        commits["switch"] = repo.Commit("Ana", "2026-01-02T12:00:00Z", "switch api");
        repo.Set(File, "apps.api.live", "green");
        commits["rollback"] = repo.Commit("Cy", "2026-01-02T13:00:00Z", "roll back api");
        repo.Set(File, "apps.web.canaryWeight", "50");
        commits["canary"] = repo.Commit("Ben", "2026-01-03T09:00:00Z", "web canary 50%");

        // A side branch freezes the stack; it lands through a merge commit.
        repo.Git("checkout", "-q", "-b", "freeze");
        repo.Set(File, "freeze.enabled", "true");
        repo.Set(File, "freeze.reason", "Black Friday");
        commits["branch"] = repo.Commit("Dee", "2026-01-03T15:00:00Z", "freeze for Black Friday");
        repo.Git("checkout", "-q", "main");
        repo.Write("README.md", "unrelated\n");
        repo.Commit("Ana", "2026-01-03T16:00:00Z", "unrelated change on main");
        repo.Git(TestRepository.Identity("Ed", "2026-01-04T08:00:00Z"), "merge", "-q", "--no-ff", "-m", "merge freeze", "freeze");
        commits["merge"] = repo.Git("rev-parse", "HEAD").Trim();

        repo.Set(File, "freeze.enabled", "false");
        commits["thaw"] = repo.Commit("Dee", "2026-01-05T08:00:00Z", "lift the freeze");
        repo.Write(File, repo.Read(File) + "  this is: [not valid yaml\n");
        commits["broken"] = repo.Commit("Ben", "2026-01-05T09:00:00Z", "oops");
        repo.Write(File, repo.Read(File).Replace("  this is: [not valid yaml\n", "", StringComparison.Ordinal));
        commits["fixed"] = repo.Commit("Ben", "2026-01-05T09:05:00Z", "fix");
        repo.Set(File, "apps.api.blue", Pinned("1.6.1"));
        repo.Set(File, "apps.api.hotfixReason", "CVE-2026-1");
        commits["promote-hotfix"] = repo.Commit("Cy", "2026-01-06T10:00:00Z", "stage hotfix 1.6.1");
        repo.Set(File, "apps.api.live", "blue");
        commits["hotfix"] = repo.Commit("Cy", "2026-01-06T10:30:00Z", "hotfix api");
        return commits;
    }

    [Fact]
    public void Every_event_kind_with_time_commit_author_and_versions_across_a_rename_and_a_merge()
    {
        using var repo = new GitRepository();
        var commits = BuildHistory(repo);

        var ledger = ReleaseLedger.Build("staging", StackFileHistory.Read(repo.Root, File));

        var expected = new (ReleaseEventKind Kind, string App, string Time, string Commit, string Author, string Slot, string From, string To)[]
        {
            (Promote, "api", "2026-01-02T10:00:00Z", commits["promote"], "Ben", "blue", Pinned("1.4.2"), Pinned("1.6.0")),
            (Switch, "api", "2026-01-02T12:00:00Z", commits["switch"], "Ana", "blue", Pinned("1.5.0"), Pinned("1.6.0")),
            (Rollback, "api", "2026-01-02T13:00:00Z", commits["rollback"], "Cy", "green", Pinned("1.6.0"), Pinned("1.5.0")),
            (Canary, "web", "2026-01-03T09:00:00Z", commits["canary"], "Ben", "green", "10%", "50%"),
            // first parent: the freeze lands when the merge does, by whoever merged it
            (FreezeOn, "", "2026-01-04T08:00:00Z", commits["merge"], "Ed", "", "", "Black Friday"),
            (FreezeOff, "", "2026-01-05T08:00:00Z", commits["thaw"], "Dee", "", "Black Friday", ""),
            (Promote, "api", "2026-01-06T10:00:00Z", commits["promote-hotfix"], "Cy", "blue", Pinned("1.6.0"), Pinned("1.6.1")),
            (Hotfix, "api", "2026-01-06T10:30:00Z", commits["hotfix"], "Cy", "blue", Pinned("1.5.0"), Pinned("1.6.1")),
        };
        Assert.Equal(expected, ledger.Events.Select(e => (e.Kind, e.App, e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), e.Commit, e.Author, e.Slot, e.From, e.To)));
        Assert.DoesNotContain(ledger.Events, e => e.Commit == commits["branch"] || e.Commit == commits["rename"]);
        var note = Assert.Single(ledger.Notes);
        Assert.StartsWith($"staging {commits["broken"][..10]} (2026-01-05): skipped, the stack file was invalid:", note, StringComparison.Ordinal);
        Assert.Equal(GitRepository.At("2026-01-01T10:00:00Z"), ledger.Since);
    }

    [Fact]
    public void Reading_only_the_changed_release_lines_gives_the_same_ledger_as_parsing_every_version()
    {
        using var repo = new GitRepository();
        BuildHistory(repo);
        // Edits the line reader must leave to the full parse: a nested key named like a release key,
        // a quoted value, a comment after a value, and a value that is invalid.
        repo.Write(File, repo.Read(File).Replace("      healthPath: /healthz\n", "      healthPath: /healthz\n      env:\n        live: blue\n", StringComparison.Ordinal));
        repo.Commit("Ana", "2026-01-08T10:00:00Z", "env var named live");
        repo.Write(File, repo.Read(File).Replace("        live: blue\n", "        live: green\n", StringComparison.Ordinal));
        repo.Commit("Ana", "2026-01-08T11:00:00Z", "env var changed");
        repo.Set(File, "apps.api.green", Pinned("1.6.2"));
        repo.Commit("Ben", "2026-01-08T12:00:00Z", "promote");
        repo.Write(File, repo.Read(File).Replace($"      green: {Pinned("1.6.2")}\n", $"      green: \"{Pinned("1.6.3")}\"\n", StringComparison.Ordinal));
        repo.Commit("Ben", "2026-01-08T13:00:00Z", "quoted");
        repo.Write(File, repo.Read(File).Replace($"      green: \"{Pinned("1.6.3")}\"\n", $"      green: {Pinned("1.6.4")}  # the fix\n", StringComparison.Ordinal));
        repo.Commit("Ben", "2026-01-08T14:00:00Z", "commented");
        repo.Write(File, repo.Read(File).Replace($"      green: {Pinned("1.6.4")}  # the fix\n", $"      green: {Pinned("1.6.5")}\n", StringComparison.Ordinal));
        repo.Commit("Ben", "2026-01-08T15:00:00Z", "plain again");
        repo.Set(File, "apps.api.live", "purple");
        repo.Commit("Ben", "2026-01-08T16:00:00Z", "invalid live");
        repo.Set(File, "apps.api.live", "green");
        repo.Commit("Ben", "2026-01-08T17:00:00Z", "valid again");
        var versions = StackFileHistory.Read(repo.Root, File);

        var fast = ReleaseLedger.Build("staging", versions);

        SnapshotPaths.AssertSame("staging", versions);
        Assert.Equal(["1.5.0 → 1.6.2", "1.6.2 → 1.6.3", "1.6.3 → 1.6.4", "1.6.4 → 1.6.5"],
            fast.Events.Where(e => e.Time > GitRepository.At("2026-01-08T00:00:00Z") && e.Kind == Promote).Select(e => $"{ImageVersion.Parse(e.From).Tag} → {ImageVersion.Parse(e.To).Tag}"));
        Assert.Equal(2, fast.Notes.Count); // the broken YAML and live: purple
    }

    [Fact]
    public void Each_event_carries_the_release_id_of_what_now_runs_in_its_slot()
    {
        using var repo = new GitRepository();
        BuildHistory(repo);

        var ledger = ReleaseLedger.Build("staging", StackFileHistory.Read(repo.Root, File));

        var promote = ledger.Events[0];
        Assert.StartsWith("1.6.0-sha256-", promote.ReleaseId, StringComparison.Ordinal);
        Assert.Equal(promote.ReleaseId, ledger.Events[1].ReleaseId); // the switch makes that same release live
        Assert.StartsWith("1.5.0-sha256-", ledger.Events[2].ReleaseId, StringComparison.Ordinal);
        Assert.Equal("", ledger.Events[4].ReleaseId);
    }

    [Fact]
    public void A_stack_file_copied_from_another_starts_its_own_history_at_the_copy()
    {
        using var repo = new GitRepository();
        BuildHistory(repo);
        repo.Write("stacks/Pulumi.qa.yaml", repo.Read(File));
        repo.Commit("Fay", "2026-01-07T10:00:00Z", "qa: a copy of staging");
        repo.Set("stacks/Pulumi.qa.yaml", "apps.api.live", "green");
        repo.Set("stacks/Pulumi.qa.yaml", "apps.api.hotfixReason", "");
        var switched = repo.Commit("Fay", "2026-01-07T11:00:00Z", "qa: api back to 1.5.0");

        var versions = StackFileHistory.Read(repo.Root, "stacks/Pulumi.qa.yaml");
        var ledger = ReleaseLedger.Build("qa", versions);

        Assert.Equal(2, versions.Count);
        var only = Assert.Single(ledger.Events);
        // 1.5.0 was live in staging before; in qa it never was, so this is a switch, not a rollback.
        Assert.Equal((Switch, switched, Pinned("1.6.1"), Pinned("1.5.0")), (only.Kind, only.Commit, only.From, only.To));
    }

    [Fact]
    public void Uncommitted_changes_are_the_newest_version_with_no_commit()
    {
        using var repo = new GitRepository();
        repo.Write(File, GitRepository.StagingStack());
        repo.Commit("Ana", "2026-01-01T10:00:00Z", "staging stack");
        repo.Set(File, "apps.api.live", "blue");

        var ledger = ReleaseLedger.Build("staging", StackFileHistory.Read(repo.Root, File));

        var switched = Assert.Single(ledger.Events);
        Assert.Equal((Switch, "", "(uncommitted)", Pinned("1.5.0"), Pinned("1.4.2")), (switched.Kind, switched.Commit, switched.Author, switched.From, switched.To));
    }

    [Fact]
    public void A_shallow_clone_is_refused_with_the_fix()
    {
        using var repo = new GitRepository();
        BuildHistory(repo);
        using var clone = new GitRepository();
        clone.Git("fetch", "-q", "--depth", "1", $"file://{repo.Root}", "main");
        clone.Git("checkout", "-q", "FETCH_HEAD");

        var error = Assert.Throws<HistoryUnavailableException>(() => StackFileHistory.Read(clone.Root, File));

        Assert.Equal($"this is a shallow clone, so the history of {File} is cut short; run git fetch --unshallow (in CI: checkout with fetch-depth: 0).", error.Message);
    }

    [Fact]
    public void A_folder_inside_git_but_outside_its_work_tree_is_refused()
    {
        using var repo = new GitRepository();
        BuildHistory(repo);
        var gitFolder = Path.Combine(repo.Root, ".git");

        var error = Assert.Throws<HistoryUnavailableException>(() => StackFileHistory.Read(gitFolder, File));

        Assert.Equal($"{gitFolder} is not inside a git work tree; the release history is the git history of {File}.", error.Message);
    }

    [Fact]
    public void A_folder_outside_git_and_a_file_with_no_history_are_one_line_each()
    {
        var outside = Directory.CreateTempSubdirectory("ledger-nogit-").FullName;
        try
        {
            var error = Assert.Throws<HistoryUnavailableException>(() => StackFileHistory.Read(outside, File));
            Assert.StartsWith("git rev-parse failed: fatal: not a git repository", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }

        using var repo = new GitRepository();
        repo.Write("README.md", "x\n");
        repo.Commit("Ana", "2026-01-01T10:00:00Z", "first");
        var none = Assert.Throws<HistoryUnavailableException>(() => StackFileHistory.Read(repo.Root, File));
        Assert.Equal($"{File} has no history: it is neither committed nor in the working tree.", none.Message);
    }

    [Fact]
    public void An_unreadable_version_is_skipped_with_a_note()
    {
        using var repo = new GitRepository();
        var commits = BuildHistory(repo);
        var blob = repo.Git("rev-parse", $"{commits["switch"]}:{File}").Trim();
        System.IO.File.Delete(Path.Combine(repo.Root, ".git", "objects", blob[..2], blob[2..]));

        var ledger = ReleaseLedger.Build("staging", StackFileHistory.Read(repo.Root, File));

        Assert.Contains($"staging {commits["switch"][..10]}: skipped, git cannot read this version of the stack file.", ledger.Notes);
        // Without the switch's version, the rollback commit reads as the switch's return: no event there, none invented.
        Assert.DoesNotContain(ledger.Events, e => e.Commit == commits["switch"]);
    }
}
