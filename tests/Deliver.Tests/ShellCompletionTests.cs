using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>The bash completion docs/cli.md gives, sourced into a real bash and asked what follows the cursor.</summary>
public sealed partial class ShellCompletionTests
{
    private static string Completion() =>
        BashBlock().Match(File.ReadAllText(Path.Combine(TestRepository.Root(), "docs", "cli.md"))) is { Success: true } block
            ? block.Groups["script"].Value
            : throw new InvalidOperationException("docs/cli.md has no <!-- completion: bash --> block.");

    /// <summary>COMPREPLY after the documented function runs with the cursor at the end of <paramref name="line"/>.</summary>
    private static string[] Complete(string line)
    {
        var start = new ProcessStartInfo(Monitoring.LocalServer.Require("bash", "bash")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Completion() + "\nCOMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}; _deliver_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");
        start.ArgumentList.Add("completion-test");
        start.ArgumentList.Add(line);
        // The test build's own deliver (an app host beside the tests), as the launcher would run it.
        start.Environment["DELIVER_LAUNCHER"] = Path.Combine(AppContext.BaseDirectory, "deliver");
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit(30_000);
        Assert.True(bash.ExitCode == 0, bash.StandardError.ReadToEnd());
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void A_command_completes_from_its_first_letters()
    {
        Assert.Equal(["promote"], Complete("deliver pro"));
    }

    [Fact]
    public void A_commands_options_complete_after_a_dash_dash()
    {
        var options = Complete("deliver status --");

        Assert.Contains("--stack", options);
        Assert.Contains("--json", options);
        Assert.Contains("--wide", options);
    }

    [GeneratedRegex(@"<!-- completion: bash -->\s*```bash\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
