using Delivery.Core.Model;

namespace Delivery.Core.Tests.Validation;

/// <summary><c>release.ticketPattern</c>: validated as a regular expression; what it finds in a change's text.</summary>
public sealed class TicketRulesTests
{
    [Theory]
    [InlineData("SHOP-123: faster checkout", "SHOP-123")]
    [InlineData("Faster checkout\n\nRefs OPS2-7 and SHOP-9", "OPS2-7")]
    [InlineData("fix(api): the cart total (JIRA-1)", "JIRA-1")]
    public void The_default_pattern_finds_a_jira_style_key(string text, string ticket) =>
        Assert.Equal(ticket, TicketPatterns.Find(TicketPatterns.Compile(TicketPatterns.Default).Pattern!, text));

    [Theory]
    [InlineData("faster checkout")]
    [InlineData("shop-123 lower case")]
    [InlineData("SHOP- 123")]
    [InlineData("XSHOP-123Y")]
    public void A_text_without_a_ticket_has_none(string text) =>
        Assert.Null(TicketPatterns.Find(TicketPatterns.Compile(TicketPatterns.Default).Pattern!, text));

    [Fact]
    public void A_stack_sets_its_own_pattern()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:ticketPattern", "#[0-9]+")));

        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        Assert.Equal("#17", TicketPatterns.Find(TicketPatterns.Compile(loaded.Config.Release.TicketPattern).Pattern!, "Cart total (#17)"));
    }

    [Theory]
    [InlineData("SHOP-[0-9+", "is not a valid regular expression")]
    [InlineData("(SHOP-[0-9]+)?", "matches an empty text")]
    public void A_pattern_that_cannot_check_is_an_error_naming_key_value_and_fix(string pattern, string message)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:ticketPattern", pattern)));

        var error = Assert.Single(loaded.Errors, e => e.Key == "delivery-platform:release.ticketPattern");
        Assert.Equal(pattern, error.Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("pulumi config set --path delivery-platform:release.ticketPattern ", error.Fix, StringComparison.Ordinal);
    }
}
