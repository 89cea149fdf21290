using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>
/// No command of deliver prints a stack trace, whatever it is given: every command listed by
/// <c>deliver --help</c> (so a new command is covered without editing this test) is run with each
/// set of bad values below, for the arguments and options its own help lists, on the example
/// stacks and on a stack file left with merge-conflict markers. Each run exits 1 or 2 (0 where a
/// bad value happens to be harmless) with one-line errors.
/// </summary>
public sealed partial class EveryCommandBadInputTests
{
    /// <summary>Values for arguments and options by name; options a command lacks are left out.</summary>
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string[]>> BadInputs =
    [
        new Dictionary<string, string[]>
        {
            ["<app>"] = ["nope"], ["<version>"] = ["1.2.3.4.5"], ["<weight>"] = ["150"], ["--stack"] = ["nope"],
            ["--against"] = ["no-such-revision"], ["--since"] = ["yesterday"], ["--window"] = ["5x"], ["--app"] = ["nope"],
            ["--prometheus"] = ["not a url"], ["--alertmanager"] = ["ftp://example.com"], ["--changed-against"] = ["no-such-file"], ["--out"] = ["/proc/no-such-folder"],
        },
        new Dictionary<string, string[]>
        {
            ["<app>"] = ["api"], ["<version>"] = ["1.6.0@sha256:zz"], ["<weight>"] = ["ten"], ["--stack"] = ["../outside"],
            ["--against"] = ["HEAD~99"], ["--since"] = ["-3d"], ["--window"] = ["0s"], ["--app"] = [""],
            ["--prometheus"] = ["http://127.0.0.1:1"], ["--alertmanager"] = ["http://127.0.0.1:1"], ["--changed-against"] = ["HEAD~99"], ["--slot"] = ["sideways"],
        },
        new Dictionary<string, string[]>
        {
            ["<app>"] = ["api"], ["<version>"] = ["9.9.9"], ["<weight>"] = ["-1"], ["--stack"] = ["dev"], ["--all"] = [], ["--dry-run"] = [], ["--json"] = [],
            ["--against"] = ["stacks/Pulumi.nope.yaml"], ["--since"] = ["99999999d"], ["--window"] = ["1y"], ["--dora"] = [],
            ["--prometheus"] = ["http://127.0.0.1:1"], ["--alertmanager"] = ["http://127.0.0.1:1"], ["--slot"] = ["idle"], ["--severity"] = [], ["--file-incident"] = [],
        },
    ];

    [Fact]
    public void Every_command_answers_bad_input_with_an_error_never_a_stack_trace()
    {
        using var project = new ProjectCopy();
        var commands = Commands(project.Run("--help").Output);
        Assert.True(commands.Count >= 15, $"deliver --help lists only {commands.Count} commands: has its format changed?");
        var runs = 0;
        foreach (var broken in new[] { false, true })
        {
            if (broken)
                File.WriteAllText(project.StackPath("dev"), "<<<<<<< HEAD\n" + ProjectCopy.Committed("dev") + "=======\nconfig: {}\n>>>>>>> theirs\n");
            foreach (var (command, arguments) in commands)
            {
                var help = project.Run(command, "--help").Output;
                foreach (var values in BadInputs)
                {
                    var args = new List<string> { command };
                    args.AddRange(arguments.Select(argument => values.GetValueOrDefault(argument)?.FirstOrDefault() ?? "x"));
                    foreach (var (option, value) in values.Where(v => v.Key.StartsWith("--", StringComparison.Ordinal) && Regex.IsMatch(help, $@"(?<![\w-]){v.Key}(?![\w-])")))
                        args.AddRange([option, .. value]);
                    var (code, output, error) = project.Run([.. args]);
                    var label = $"deliver {string.Join(' ', args)}{(broken ? " (dev has merge-conflict markers)" : "")}";
                    Assert.True(code is 0 or 1 or 2, $"{label}: exit {code}");
                    Assert.False(error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal) || output.Contains("Exception", StringComparison.Ordinal),
                        $"{label} printed a trace:\n{error}");
                    Assert.True(code == 0 || error.Trim().Length > 0, $"{label}: exit {code} with nothing on stderr");
                    runs++;
                }
            }
        }
        Assert.True(runs >= commands.Count * BadInputs.Count * 2, $"only {runs} runs");
    }

    /// <summary>A valid value for each argument a command's help names, so that only the option or stack under test is wrong.</summary>
    private static readonly Dictionary<string, string> ValidArguments = new()
    {
        ["<app>"] = "api",
        ["<version>"] = "9.9.9",
        ["<weight>"] = "10",
        ["<text>"] = "SHOP-1: a change",
        ["<approval|refused>"] = "approval",
    };

    /// <summary>Exit 2 means usage: an unknown command, option, stack or app, on every command that takes one.</summary>
    [Fact]
    public void An_unknown_option_stack_or_app_exits_2_on_every_command()
    {
        using var project = new ProjectCopy();
        foreach (var (command, arguments) in Commands(project.Run("--help").Output))
        {
            var help = project.Run(command, "--help").Output;
            var takesStack = Regex.IsMatch(help, @"(?<![\w-])--stack(?![\w-])");
            List<string[]> cases = [[command, .. arguments.Select(a => ValidArguments[a]), "--no-such-option"]];
            if (takesStack)
                cases.Add([command, .. arguments.Select(a => ValidArguments[a]), "--stack", "nope"]);
            if (takesStack && arguments.Contains("<app>"))
                cases.Add([command, .. arguments.Select(a => a == "<app>" ? "nope" : ValidArguments[a]), "--stack", "dev"]);
            foreach (var args in cases)
            {
                var (code, _, error) = project.Run(args);
                Assert.True(code == 2, $"deliver {string.Join(' ', args)} exited {code}, not 2:\n{error}");
            }
        }
    }

    /// <summary>How a case prepares its fresh project copy before deliver runs.</summary>
    private static readonly Action<ProjectCopy> AsCommitted = _ => { };

    private static void BreakDev(ProjectCopy project) =>
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("live: green", "live: purple", StringComparison.Ordinal));

    private static void FreezeDev(ProjectCopy project) => Assert.Equal(0, project.Run("freeze", "--stack", "dev", "--reason", "incident 42").ExitCode);

    /// <summary>
    /// Exit 0 (done, passed) and 1 (refused, failed, invalid) for every command, each on a fresh copy
    /// of the committed stacks; 2 is the two tests above. verify and gate judge from a real
    /// Prometheus and Alertmanager, so their 0 and 1 are in Monitoring/VerifyTests and GateTests.
    /// </summary>
    private static readonly IReadOnlyList<(int Exit, Action<ProjectCopy> Prepare, string[] Args)> ExitCodeTable =
    [
        (0, AsCommitted, ["check", "--all"]), (1, BreakDev, ["check", "--stack", "dev"]),
        (0, AsCommitted, ["check", "--all", "--json"]), (1, BreakDev, ["check", "--stack", "dev", "--json"]),
        (0, AsCommitted, ["render", "--stack", "dev"]), (1, BreakDev, ["render", "--stack", "dev"]),
        (0, AsCommitted, ["diff", "--stack", "dev", "--against", "HEAD"]), (1, BreakDev, ["diff", "--stack", "dev", "--against", "HEAD"]),
        (0, AsCommitted, ["diff", "--stack", "dev", "--against", "HEAD", "--json"]), (1, BreakDev, ["diff", "--stack", "dev", "--against", "HEAD", "--json"]),
        (0, AsCommitted, ["status"]), (1, BreakDev, ["status", "--stack", "dev"]),
        (0, AsCommitted, ["status", "--json"]), (1, BreakDev, ["status", "--stack", "dev", "--json"]),
        (0, AsCommitted, ["promote", "web", "2.5.0", "--stack", "dev"]), (1, AsCommitted, ["promote", "web", "2.4.0", "--stack", "dev"]),
        (0, AsCommitted, ["canary", "api", "10", "--stack", "dev"]), (1, FreezeDev, ["canary", "api", "10", "--stack", "dev"]),
        (0, AsCommitted, ["switch", "api", "--stack", "dev"]), (1, FreezeDev, ["switch", "api", "--stack", "dev"]),
        (0, SwitchedAndCommitted, ["rollback", "web", "--stack", "dev"]), (1, AsCommitted, ["rollback", "api", "--stack", "dev"]),
        (0, PromotedAndCommitted, ["abort", "web", "--stack", "dev"]), (1, AsCommitted, ["abort", "api", "--stack", "dev"]),
        (0, AsCommitted, ["freeze", "--stack", "dev", "--reason", "incident 42"]), (1, BreakDev, ["freeze", "--stack", "dev", "--reason", "incident 42"]),
        (0, FreezeDev, ["unfreeze", "--stack", "dev"]), (1, BreakDev, ["unfreeze", "--stack", "dev"]),
        (0, AsCommitted, ["hotfix", "api", "--stack", "dev", "--reason", "CVE"]), (1, BreakDev, ["hotfix", "api", "--stack", "dev", "--reason", "CVE"]),
        (0, AsCommitted, ["history"]), (1, WithoutGit, ["history"]),
        (0, AsCommitted, ["ticket", "SHOP-42 faster checkout", "--stack", "dev"]), (1, AsCommitted, ["ticket", "faster checkout", "--stack", "dev"]),
        // No chat or tracker configured: a note and exit 0; their 1s (not sent, not filed) are in NotifyTests and IncidentTests, against loopback servers.
        (0, AsCommitted, ["notify", "approval", "--stack", "dev"]),
        (0, AsCommitted, ["incident", "api", "--stack", "dev", "--cause", "verify failed"]),
        (0, AsCommitted, ["staged", "--stack", "dev", "--against", "HEAD"]), (0, AsCommitted, ["staged", "--stack", "dev", "--against", "HEAD", "--json"]),
        (0, AsCommitted, ["gate", "--stack", "dev", "--alertmanager", "http://127.0.0.1:1", "--against", "HEAD", "--json"]),
        (0, AsCommitted, ["gate", "--stack", "dev", "--alertmanager", "http://127.0.0.1:1", "--against", "HEAD", "--file-incident"]),
        (0, AsCommitted, ["images", "--stack", "dev"]), (1, BreakDev, ["images", "--stack", "dev"]),
    ];

    private static void PromotedAndCommitted(ProjectCopy project)
    {
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);
        project.Commit("Ben", "2026-01-02T10:00:00Z", "dev: promote web 2.5.0");
    }

    private static void SwitchedAndCommitted(ProjectCopy project)
    {
        PromotedAndCommitted(project);
        Assert.Equal(0, project.Run("switch", "web", "--stack", "dev").ExitCode);
        project.Commit("Ben", "2026-01-02T11:00:00Z", "dev: switch web");
    }

    private static void WithoutGit(ProjectCopy project) => Directory.Delete(Path.Combine(project.Root, ".git"), recursive: true);

    [Fact]
    public void Every_command_exits_0_when_done_and_1_when_refused()
    {
        using var help = new ProjectCopy(git: false);
        var commands = Commands(help.Run("--help").Output).Select(c => c.Command).ToList();
        Assert.Equal(commands.Order(StringComparer.Ordinal), ExitCodeTable.Select(c => c.Args[0]).Append("verify").Distinct().Order(StringComparer.Ordinal));
        foreach (var (exit, prepare, args) in ExitCodeTable)
        {
            using var project = new ProjectCopy();
            prepare(project);
            var (code, _, error) = project.Run(args);
            Assert.True(code == exit, $"deliver {string.Join(' ', args)} ({prepare.Method.Name}) exited {code}, not {exit}:\n{error}");
            Assert.True(exit == 0 || error.Trim().Length > 0, $"deliver {string.Join(' ', args)}: exit {code} with nothing on stderr");
        }
    }

    /// <summary>--json changes no exit code: an unknown option, stack or app is still 2, with nothing on stdout.</summary>
    [Fact]
    public void With_json_an_unknown_option_stack_or_app_still_exits_2_and_prints_no_json()
    {
        using var project = new ProjectCopy();
        var withJson = Commands(project.Run("--help").Output).Where(c => Regex.IsMatch(project.Run(c.Command, "--help").Output, @"(?<![\w-])--json(?![\w-])")).ToList();
        Assert.Equal(new[] { "check", "diff", "gate", "history", "images", "staged", "status", "verify" }, withJson.Select(c => c.Command).Order(StringComparer.Ordinal));
        foreach (var (command, arguments) in withJson)
        {
            foreach (var args in new[]
            {
                (string[])[command, .. arguments.Select(a => ValidArguments[a]), "--json", "--no-such-option"],
                [command, .. arguments.Select(a => ValidArguments[a]), "--json", "--stack", "nope"],
            })
            {
                var (code, output, error) = project.Run(args);
                Assert.True(code == 2, $"deliver {string.Join(' ', args)} exited {code}, not 2:\n{error}");
                Assert.True(output.Length == 0, $"deliver {string.Join(' ', args)} printed on stdout:\n{output}");
            }
        }
    }

    /// <summary>The commands <c>deliver --help</c> lists, with their arguments (<c>&lt;app&gt;</c>, …).</summary>
    private static List<(string Command, string[] Arguments)> Commands(string help) =>
    [
        .. help[help.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Select(line => CommandLine().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))),
    ];

    [GeneratedRegex(@"^  ([a-z]+)((?: <[a-z|]+>)*)\s{2,}")]
    private static partial Regex CommandLine();
}
