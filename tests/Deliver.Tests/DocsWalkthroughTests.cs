namespace Deliver.Tests;

/// <summary>
/// Every block of README.md and docs/*.md marked <c>&lt;!-- walkthrough: NAME --&gt;</c> runs exactly
/// as written (see <see cref="WalkthroughRunner"/>); those marked <c>, monitoring</c> run in
/// Monitoring/GatedWalkthroughTests against a real Prometheus and Alertmanager.
/// </summary>
public sealed class DocsWalkthroughTests
{
    private static IReadOnlyList<Walkthrough> All() => Walkthrough.InDocs(TestRepository.Root());

    public static TheoryData<string> Names() => [.. All().Where(w => !w.UsesMonitoring).Select(w => w.Name)];

    [Fact]
    public void The_docs_have_the_quick_start_and_release_walkthroughs_each_name_once()
    {
        Assert.Equal(("README.md", "quick-start"), All().Where(w => w.Name == "quick-start").Select(w => (w.File, w.Name)).Single());
        Assert.Equal(Path.Combine("docs", "releasing.md"), All().Single(w => w.Name == "release").File);
        Assert.Empty(All().GroupBy(w => w.Name).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_walkthrough_runs_exactly_as_written(string name)
    {
        using var project = Execute(name);
    }

    /// <summary>Runs the named block (one that needs no monitoring) in a new project copy, which it returns.</summary>
    private static ProjectCopy Execute(string name) =>
        WalkthroughRunner.Run(All().Single(w => w.Name == name), new Dictionary<string, string>(), _ => { });

    [Fact]
    public void The_release_walkthrough_ends_rolled_back_with_the_staged_fix_aborted_and_its_steps_in_the_history()
    {
        using var project = Execute("release");

        var api = project.Stack("dev")[project.Stack("dev").IndexOf("    api:", StringComparison.Ordinal)..];
        Assert.Contains("      blue: 1.6.0\n      green: 1.5.1-4e1f2a9\n      live: green\n", api, StringComparison.Ordinal);
        Assert.Contains("      canaryWeight: 0\n", api, StringComparison.Ordinal);
        var output = new StringWriter();
        Assert.Equal(0, DeliverCli.Run(["history", "--stack", "dev", "--app", "api"], output, new StringWriter(), project.Root, colour: false));
        Assert.Equal(["rollback", "switch", "canary", "promote"],
            output.ToString().Trim().Split('\n').Skip(1).Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries)[3].Trim()));
    }

    [Fact]
    public void Lines_split_into_commands_and_comments_as_a_shell_would()
    {
        var line = WalkthroughLine.Parse("x.md", 7, "pulumi preview --stack dev --diff && git commit -am \"dev: a # in quotes\"   # the comment");

        Assert.Equal([["pulumi", "preview", "--stack", "dev", "--diff"], ["git", "commit", "-am", "dev: a # in quotes"]], line.Commands);
        Assert.Equal("the comment", line.Comment);
        Assert.Throws<InvalidOperationException>(() => WalkthroughLine.Parse("x.md", 8, "deliver status | head"));
    }
}
