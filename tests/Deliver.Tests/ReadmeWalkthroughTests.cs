using System.Diagnostics;
using Delivery.Core.Configuration;

namespace Deliver.Tests;

/// <summary>
/// Every README block marked <c>&lt;!-- walkthrough: NAME --&gt;</c> runs exactly as written, line by
/// line, in a scratch git repository holding the project's Pulumi.yaml and stack files: <c>alias
/// deliver=./deliver</c> (the launcher at the repository root) is taken as written, <c>deliver</c>
/// lines run through the CLI in-process, <c>git</c> lines with real git, <c>pulumi</c> lines are run
/// by a fake <c>pulumi</c> on PATH that records its arguments (nothing is deployed), and a
/// <c>pulumi config set [--path] KEY VALUE --stack S</c> is also applied to the stack file, as the
/// real one would. A line whose
/// comment starts with "refused" must exit 1, every other 0; any other command fails the test.
/// </summary>
public sealed class ReadmeWalkthroughTests
{
    private static string Readme() => File.ReadAllText(Path.Combine(TestRepository.Root(), "README.md"));

    public static TheoryData<string> Names() => [.. Walkthrough.InReadme(Readme()).Select(w => w.Name)];

    [Fact]
    public void The_readme_has_the_release_walkthrough() =>
        Assert.Contains("release", Walkthrough.InReadme(Readme()).Select(w => w.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void The_walkthrough_runs_exactly_as_written(string name)
    {
        using var project = Execute(name);
    }

    /// <summary>Runs the named block line by line in a new project copy, which it returns.</summary>
    private static ProjectCopy Execute(string name)
    {
        var walkthrough = Walkthrough.InReadme(Readme()).Single(w => w.Name == name);
        var project = new ProjectCopy();
        var bin = Directory.CreateDirectory(Path.Combine(project.Root, ".walkthrough-bin")).FullName;
        var log = Path.Combine(bin, "pulumi.log");
        var fake = Path.Combine(bin, "pulumi");
        File.WriteAllText(fake, "#!/bin/sh\n# A stand-in for the pulumi CLI: records its arguments, deploys nothing.\nprintf '%s\\n' \"$*\" >> \"$WALKTHROUGH_PULUMI_LOG\"\n");
        Run("chmod", ["+x", fake], bin, new Dictionary<string, string>());
        File.WriteAllText(Path.Combine(project.Root, ".gitignore"), ".walkthrough-bin/\n");
        project.Commit("Ana", ProjectCopy.Epoch, "ignore the walkthrough's tools");
        var aliased = false;

        foreach (var line in walkthrough.Lines)
        {
            var where = $"README.md line {line.Number} ({name}): {line.Text}";
            var expectRefusal = line.Comment.StartsWith("refused", StringComparison.Ordinal);
            Assert.False(expectRefusal && line.Commands.Count != 1, $"{where}: a refused line must be one command");
            foreach (var command in line.Commands)
            {
                Assert.True(command.Count > 0, $"{where}: an empty command");
                switch (command[0])
                {
                    case "alias":
                        Assert.True(command is [_, "deliver=./deliver"], $"{where}: the only alias known is deliver=./deliver");
                        Assert.True(File.Exists(Path.Combine(TestRepository.Root(), "deliver")), $"{where}: there is no ./deliver launcher at the repository root");
                        aliased = true;
                        break;
                    case "deliver":
                        Assert.True(aliased, $"{where}: deliver is used before the alias that defines it");
                        var output = new StringWriter();
                        var error = new StringWriter();
                        var code = DeliverCli.Run([.. command.Skip(1)], output, error, project.Root, colour: false);
                        Assert.True(code == (expectRefusal ? 1 : 0), $"{where}: exit {code}, expected {(expectRefusal ? 1 : 0)}\n{output}{error}");
                        break;
                    case "git":
                        project.Git([.. command.Skip(1)]);
                        break;
                    case "pulumi":
                        var before = File.Exists(log) ? File.ReadAllLines(log).Length : 0;
                        Run(fake, command.Skip(1), project.Root, new Dictionary<string, string> { ["WALKTHROUGH_PULUMI_LOG"] = log, ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" });
                        var recorded = File.ReadAllLines(log);
                        Assert.True(recorded.Length == before + 1 && recorded[^1] == string.Join(' ', command.Skip(1)), $"{where}: the fake pulumi did not record the call");
                        if (command is [_, "config", "set", ..])
                            ApplyConfigSet(project, [.. command.Skip(3)], where);
                        break;
                    default:
                        Assert.Fail($"{where}: the walkthrough runner does not know \"{command[0]}\"; add it to ReadmeWalkthroughTests or keep the line out of the block.");
                        break;
                }
            }
        }
        return project;
    }

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
        var line = WalkthroughLine.Parse(7, "pulumi preview --stack dev --diff && git commit -am \"dev: a # in quotes\"   # the comment");

        Assert.Equal([["pulumi", "preview", "--stack", "dev", "--diff"], ["git", "commit", "-am", "dev: a # in quotes"]], line.Commands);
        Assert.Equal("the comment", line.Comment);
        Assert.Throws<InvalidOperationException>(() => WalkthroughLine.Parse(8, "deliver status | head"));
    }

    /// <summary>What <c>pulumi config set</c> does to the stack file: KEY VALUE with --stack S and --path for dotted keys.</summary>
    private static void ApplyConfigSet(ProjectCopy project, IReadOnlyList<string> args, string where)
    {
        var positional = new List<string>();
        string? stack = null;
        var path = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--path":
                    path = true;
                    break;
                case "--stack" or "-s" when i + 1 < args.Count:
                    stack = args[++i];
                    break;
                default:
                    Assert.False(args[i].StartsWith('-'), $"{where}: the walkthrough runner does not know pulumi config set {args[i]}");
                    positional.Add(args[i]);
                    break;
            }
        }
        Assert.True(stack is not null && positional.Count == 2, $"{where}: expected pulumi config set [--path] KEY VALUE --stack S");
        const string prefix = "delivery-platform:";
        Assert.True(positional[0].StartsWith(prefix, StringComparison.Ordinal), $"{where}: only {prefix} keys are applied");
        var segments = path ? positional[0][prefix.Length..].Split('.') : [positional[0][prefix.Length..]];
        Assert.DoesNotContain(segments, segment => segment.Contains('[', StringComparison.Ordinal));
        var key = segments.Skip(1).Aggregate(ConfigPath.Root(segments[0]), (at, segment) => at.Key(segment));
        File.WriteAllText(project.StackPath(stack!), StackFileEditor.Set(project.Stack(stack!), key, positional[1]));
    }

    private static void Run(string program, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
