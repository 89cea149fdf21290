using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>
/// check's lines: within 120 columns (the fix on lines of its own, a long command continued with
/// backslashes so that it pastes whole), and a warning several stacks share printed once, naming them.
/// </summary>
public sealed partial class CheckOutputTests
{
    /// <summary>check's stderr with each problem back on one line, as "stack: level: key: message Fix: fix".</summary>
    public static string Unwrapped(string error) => Continuation().Replace(error, " ");

    [Fact]
    public void Check_all_of_the_committed_stacks_fits_in_120_columns()
    {
        using var project = new ProjectCopy();

        var check = project.Run("check", "--all");

        Assert.Equal(0, check.ExitCode);
        foreach (var line in (check.Output + check.Error).Split('\n'))
            Assert.True(line.Length <= 120, $"{line.Length} columns: {line}");
    }

    [Fact]
    public void A_warning_of_several_stacks_is_printed_once_naming_them_with_a_fix_for_any_of_them()
    {
        using var project = new ProjectCopy();

        var check = project.Run("check", "--all");

        var unwrapped = Unwrapped(check.Error);
        Assert.Single(Regex.Matches(unwrapped, "warning: delivery-platform:cluster.kubeconfig:"));
        Assert.Contains("dev, prod, staging: warning: delivery-platform:cluster.kubeconfig: kubeconfig is required to reach an existing cluster, and is not set. " +
            "Fix: before deploying, run: pulumi config set --secret --path delivery-platform:cluster.kubeconfig <kubeconfig> --stack <stack>\n", unwrapped, StringComparison.Ordinal);
        Assert.Contains("prod, staging: warning: delivery-platform:registry.pullPassword", unwrapped, StringComparison.Ordinal);
        Assert.Contains("dev: warning: delivery-platform:ci.github.appPrivateKey", unwrapped, StringComparison.Ordinal);
        // Each stack still counts its own.
        Assert.Contains("prod: valid (0 errors, 4 warnings)", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_too_long_for_a_line_is_continued_with_a_backslash_and_keeps_its_stack()
    {
        using var project = new ProjectCopy();

        var check = project.Run("check", "--stack", "prod");

        var lines = check.Error.Split('\n');
        var start = Array.FindIndex(lines, line => line.Contains("pulumi config set --secret --path delivery-platform:monitoring.receivers.critical.webhookUrl", StringComparison.Ordinal));
        Assert.True(start > 0, check.Error);
        Assert.Equal("    Fix: before deploying, run:", lines[start - 1]);
        Assert.EndsWith(" \\", lines[start], StringComparison.Ordinal);
        Assert.Equal("      --stack prod", lines[start + 1]);
    }

    /// <summary>A line break and the next line's indent, with the shell continuation before it if any.</summary>
    [GeneratedRegex(@"( \\)?\n +")]
    private static partial Regex Continuation();
}
