using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>
/// status on a terminal: the phase and the live version in bold, a phase that needs someone
/// (frozen; rolled back is in RollingCommandTests) and the frozen stack's line in red; no colour at
/// all into a pipe or a file, or with NO_COLOR set to anything but "".
/// </summary>
public sealed class StatusColourTests
{
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    [Fact]
    public void On_a_terminal_the_phase_and_live_version_are_bold_and_the_columns_still_line_up()
    {
        using var project = new ProjectCopy();

        var status = project.RunInColour("status", "--stack", "dev");

        Assert.Equal(0, status.ExitCode);
        Assert.Matches($@"\napi  {Regex.Escape(Bold)}STAGED{Regex.Escape(Reset)}  {Regex.Escape(Bold)}1\.5\.1-4e1f2a9 \(green\){Regex.Escape(Reset)}  1\.5\.0 \(blue\) ", status.Output);
        var plain = project.Run("status", "--stack", "dev").Output;
        Assert.Equal(plain, status.Output.Replace(Bold, "", StringComparison.Ordinal).Replace(Reset, "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_frozen_stack_and_its_apps_phases_are_red()
    {
        using var project = new ProjectCopy();
        Assert.Equal(0, project.Run("freeze", "--stack", "prod", "--reason", "incident 42").ExitCode);

        var status = project.RunInColour("status", "--stack", "prod");

        Assert.StartsWith($"{Red}prod (prod, upstream staging, FROZEN: incident 42){Reset}\n", status.Output, StringComparison.Ordinal);
        Assert.Contains($"{Red}STAGED, FROZEN{Reset}", status.Output, StringComparison.Ordinal);
        Assert.Contains($"{Red}FROZEN{Reset}", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_colour_status_prints_no_escape_codes()
    {
        using var project = new ProjectCopy();
        Assert.Equal(0, project.Run("freeze", "--stack", "prod", "--reason", "incident 42").ExitCode);

        Assert.DoesNotContain('\u001b', project.Run("status").Output);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)] // no-color.org: only a non-empty value disables
    [InlineData(false, "1", false)]
    [InlineData(false, "0", false)]
    [InlineData(true, null, false)] // stdout into a pipe or a file
    [InlineData(true, "1", false)]
    public void Colour_only_on_a_terminal_and_never_with_NO_COLOR_set(bool outputRedirected, string? noColor, bool colour) =>
        Assert.Equal(colour, Terminal.SupportsColour(outputRedirected, noColor));

}
