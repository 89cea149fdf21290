using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>
/// docs/cli.md is generated in part from the CLI's own help: each <c>&lt;!-- help: COMMAND --&gt;</c>
/// block is <c>deliver COMMAND --help</c> word for word, every command has one, and an example.
/// With DELIVER_UPDATE_DOCS=1 the test rewrites the help blocks instead of failing on them (the one
/// command docs/cli.md gives to regenerate it).
/// </summary>
public sealed partial class CliReferenceTests
{
    private const string Root = "deliver";

    private static string ReferencePath() => Path.Combine(TestRepository.Root(), "docs", "cli.md");

    [Fact]
    public void Every_help_block_is_the_commands_own_help()
    {
        var reference = File.ReadAllText(ReferencePath());
        var blocks = HelpBlock().Matches(reference);
        var documented = blocks.Select(b => b.Groups["command"].Value).ToList();
        Assert.Equal([Root, .. Commands()], documented);

        var updated = HelpBlock().Replace(reference, block => $"{block.Groups["marker"].Value}{Help(block.Groups["command"].Value)}```");
        if (Environment.GetEnvironmentVariable("DELIVER_UPDATE_DOCS") == "1")
            File.WriteAllText(ReferencePath(), updated);
        else
            Assert.True(updated == reference, "docs/cli.md's help blocks differ from the CLI's --help; regenerate them: DELIVER_UPDATE_DOCS=1 dotnet test tests/Deliver.Tests --filter CliReferenceTests");
    }

    [Fact]
    public void Every_command_section_has_an_example_of_that_command()
    {
        var sections = Section().Matches(File.ReadAllText(ReferencePath())).ToDictionary(s => s.Groups["command"].Value, s => s.Groups["body"].Value);
        foreach (var command in Commands())
        {
            Assert.True(sections.TryGetValue(command, out var body), $"docs/cli.md has no section \"## {command}\"");
            var examples = ShellBlock().Matches(body).SelectMany(b => b.Groups["lines"].Value.Split('\n'));
            Assert.True(examples.Any(line => line.StartsWith($"deliver {command} ", StringComparison.Ordinal)),
                $"docs/cli.md's section on {command} has no ```sh example starting \"deliver {command} \"");
        }
    }

    [Fact]
    public void The_exit_code_table_gives_the_codes_the_cli_uses()
    {
        var rows = File.ReadAllLines(ReferencePath()).SkipWhile(line => line != "| exit | means |").Skip(2).TakeWhile(line => line.StartsWith('|')).ToList();

        Assert.Equal([$"{ExitCodes.Ok}", $"{ExitCodes.Problems}", $"{ExitCodes.Usage}"], rows.Select(row => row.Split('|')[1].Trim()));
        Assert.StartsWith("| 0 | done or passed", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 1 | refused or failed", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("| 2 | usage", rows[2], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, ExitCodes.CannotJudge);
    }

    /// <summary>The commands, in the order the root help lists them.</summary>
    private static List<string> Commands() =>
        [.. Help(Root).Split('\n').SkipWhile(line => line != "Commands:").Skip(1).TakeWhile(line => line.Length > 0)
            .Select(line => line.Trim().Split(' ')[0])];

    private static string Help(string command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = command == Root ? ["--help"] : [command, "--help"];
        var code = DeliverCli.Run(args, output, error, TestRepository.Root(), colour: false);
        Assert.True(code == 0 && error.ToString().Length == 0, $"deliver {string.Join(' ', args)}: exit {code}\n{error}");
        // Usage lines start with the running executable's name: the test host here, deliver for users.
        var host = $"  {RootCommand.ExecutableName} ";
        var text = new StringBuilder();
        foreach (var line in output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            text.Append(line.StartsWith(host, StringComparison.Ordinal) ? $"  {Root} {line[host.Length..]}" : line).Append('\n');
        return text.ToString();
    }

    [GeneratedRegex(@"(?<marker><!-- help: (?<command>[a-z]+) -->\n```text\n)(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex HelpBlock();

    [GeneratedRegex(@"^## (?<command>[a-z]+)\n(?<body>.*?)(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"```sh\n(?<lines>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
