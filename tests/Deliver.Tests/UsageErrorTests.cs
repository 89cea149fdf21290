namespace Deliver.Tests;

/// <summary>A usage mistake is told once, names what is missing, and points at the command's own help.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class UsageErrorTests
{
    private static string[] ErrorLines((int ExitCode, string Output, string Error) result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        return result.Error.TrimEnd().Split('\n');
    }

    [Fact]
    public void An_unknown_command_is_one_error_and_the_root_help()
    {
        using var project = new ProjectCopy();

        Assert.Equal(["error: unknown command \"frobnicate\".", "see deliver --help"], ErrorLines(project.Run("frobnicate")));
    }

    [Fact]
    public void A_mistyped_command_or_option_is_one_error_with_the_closest_name()
    {
        using var project = new ProjectCopy();

        Assert.Equal(["error: unknown command \"chek\"; did you mean \"check\"?", "see deliver --help"], ErrorLines(project.Run("chek", "--stack", "dev")));
        Assert.Equal(["error: unknown option \"--stak\" for status; did you mean \"--stack\"?", "see deliver status --help"], ErrorLines(project.Run("status", "--stak", "dev")));
    }

    [Fact]
    public void An_unknown_app_is_a_usage_error_with_the_closest_name_or_the_apps()
    {
        using var project = new ProjectCopy();

        var typo = project.Run("switch", "ap", "--stack", "dev");
        var unknown = project.Run("promote", "nope", "1.0.0", "--stack", "dev");

        Assert.Equal((2, "error: there is no app \"ap\" in dev; did you mean \"api\"?"), (typo.ExitCode, typo.Error.Trim()));
        Assert.Equal((2, "error: there is no app \"nope\" in dev (apps: api, web)"), (unknown.ExitCode, unknown.Error.Trim()));
    }

    [Fact]
    public void Missing_arguments_are_named_once_with_the_usage_and_the_commands_help()
    {
        using var project = new ProjectCopy();

        Assert.Equal(
            ["error: promote: missing <app> and <version> (usage: deliver promote <app> <version> [options]).", "error: Option '--stack' is required.", "see deliver promote --help"],
            ErrorLines(project.Run("promote")));
        Assert.Equal(
            ["error: promote: missing <version> (usage: deliver promote <app> <version> [options]).", "see deliver promote --help"],
            ErrorLines(project.Run("promote", "api", "--stack", "dev")));
    }

    [Fact]
    public void No_command_at_all_says_so()
    {
        using var project = new ProjectCopy();

        Assert.Equal(["error: no command given.", "see deliver --help"], ErrorLines(project.Run()));
    }

    [Fact]
    public void Promote_through_pulumi_without_the_pulumi_cli_is_one_line_and_leaves_the_file()
    {
        using var project = new ProjectCopy();
        using (ProcessEnvironment.Set(("PATH", project.Root)))
        {
            var result = project.Run("promote", "api", "1.6.0", "--stack", "dev", "--pulumi");

            Assert.Equal(["error: the pulumi CLI is not installed (no pulumi on PATH); install it, or drop --pulumi to edit the stack file."],
                ErrorLines(result).Where(line => line.StartsWith("error:", StringComparison.Ordinal)));
        }
        Assert.Equal(ProjectCopy.Committed("dev"), project.Stack("dev"));
    }
}
