using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>
/// deliver ticket: the ticket id an app change names (its commit message or pull request title),
/// found with the stack's <c>release.ticketPattern</c>; the app pipeline refuses a change without one.
/// </summary>
internal static class TicketCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string text)
    {
        var loaded = workspace.Load(stack);
        if (ProblemPrinter.PrintFor(stack, terminal, loaded.Problems))
            return ExitCodes.Problems;
        var pattern = loaded.Config.Release.TicketPattern;
        var ticket = TicketPatterns.Find(TicketPatterns.Compile(pattern).Pattern!, text);
        if (ticket is not null)
        {
            terminal.Line(ticket);
            return ExitCodes.Ok;
        }
        var firstLine = text.Split('\n', 2)[0].Trim();
        terminal.Error($"error: the change \"{firstLine}\" names no ticket: release.ticketPattern of stack {stack} is {pattern}. " +
                       "Fix: name the ticket in the commit message or the pull request title (e.g. \"SHOP-123: …\"), " +
                       $"or change the pattern: pulumi config set --path delivery-platform:release.ticketPattern '<regex>' --stack {stack}.");
        return ExitCodes.Problems;
    }
}
