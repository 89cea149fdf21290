using System.Text.RegularExpressions;

namespace Delivery.Core.Model;

/// <summary>
/// <c>release.ticketPattern</c>: the ticket id an app change names. A pattern is compiled with a
/// match timeout, because it comes from a stack file and runs on commit messages anyone can write.
/// </summary>
public static class TicketPatterns
{
    /// <summary>Jira-style keys: a project key of capitals and digits, a dash, a number (SHOP-123).</summary>
    public const string Default = @"\b[A-Z][A-Z0-9]+-[0-9]+\b";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The pattern compiled, or why it cannot be (an invalid pattern, or one that matches an empty text).</summary>
    public static (Regex? Pattern, string? Problem) Compile(string pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            return (null, $"is not a valid regular expression: {e.Message}");
        }
        // A pattern that matches nothing-at-all finds a "ticket" in every change, so it would check nothing.
        return regex.Match("").Success ? (null, "matches an empty text, so every change would pass without a ticket.") : (regex, null);
    }

    /// <summary>The first ticket id in <paramref name="text"/>, or null when it names none.</summary>
    public static string? Find(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        return match.Success ? match.Value : null;
    }
}
