namespace Deliver.Tests;

/// <summary>deliver ticket: the check that an app change names a ticket (release.ticketPattern).</summary>
public sealed class TicketCommandTests
{
    [Theory]
    [InlineData("SHOP-42: faster checkout", "SHOP-42")]
    [InlineData("Faster checkout\n\nRefs OPS-7", "OPS-7")]
    public void A_change_that_names_a_ticket_passes_and_prints_it(string text, string ticket)
    {
        using var project = new ProjectCopy(git: false);

        var (code, output, error) = project.Run("ticket", text, "--stack", "dev");

        Assert.True(code == 0, error);
        Assert.Equal($"{ticket}\n", output);
    }

    [Fact]
    public void A_change_without_one_fails_naming_the_pattern_and_the_fix()
    {
        using var project = new ProjectCopy(git: false);

        var (code, output, error) = project.Run("ticket", "faster checkout\n\nno ticket here", "--stack", "dev");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("the change \"faster checkout\" names no ticket: release.ticketPattern of stack dev is", error, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --path delivery-platform:release.ticketPattern '<regex>' --stack dev", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_with_its_own_pattern_checks_by_it()
    {
        using var project = new ProjectCopy(git: false);
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("config:\n", "config:\n  delivery-platform:release:\n    ticketPattern: \"#[0-9]+\"\n", StringComparison.Ordinal));

        Assert.Equal((0, "#17\n"), (project.Run("ticket", "cart total (#17)", "--stack", "dev").ExitCode, project.Run("ticket", "cart total (#17)", "--stack", "dev").Output));
        Assert.Equal(1, project.Run("ticket", "SHOP-42: cart total", "--stack", "dev").ExitCode);
    }
}
