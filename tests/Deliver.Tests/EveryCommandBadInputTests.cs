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
            ["--prometheus"] = ["http://127.0.0.1:1"], ["--alertmanager"] = ["http://127.0.0.1:1"], ["--slot"] = ["idle"], ["--severity"] = [],
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

    /// <summary>Exit 2 means usage: an unknown command, option, stack or app, on every command that takes one.</summary>
    [Fact]
    public void An_unknown_option_stack_or_app_exits_2_on_every_command()
    {
        using var project = new ProjectCopy();
        foreach (var (command, arguments) in Commands(project.Run("--help").Output))
        {
            var help = project.Run(command, "--help").Output;
            var takesStack = Regex.IsMatch(help, @"(?<![\w-])--stack(?![\w-])");
            var valid = new Dictionary<string, string> { ["<app>"] = "api", ["<version>"] = "9.9.9", ["<weight>"] = "10" };
            List<string[]> cases = [[command, .. arguments.Select(a => valid[a]), "--no-such-option"]];
            if (takesStack)
                cases.Add([command, .. arguments.Select(a => valid[a]), "--stack", "nope"]);
            if (takesStack && arguments.Contains("<app>"))
                cases.Add([command, .. arguments.Select(a => a == "<app>" ? "nope" : valid[a]), "--stack", "dev"]);
            foreach (var args in cases)
            {
                var (code, _, error) = project.Run(args);
                Assert.True(code == 2, $"deliver {string.Join(' ', args)} exited {code}, not 2:\n{error}");
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

    [GeneratedRegex(@"^  ([a-z]+)((?: <[a-z]+>)*)\s{2,}")]
    private static partial Regex CommandLine();
}
