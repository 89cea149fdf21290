using System.Text.Json;
using Delivery.Core.Platform;

namespace Deliver.Commands;

/// <summary>
/// deliver diff: what the current stack file changes against another config of the same stack (a
/// file, or a git revision of the stack file), object by object; for a PR comment with no Pulumi
/// credentials. <c>--json</c> prints the same lists (docs/json.md).
/// </summary>
internal static class DiffCommand
{
    /// <param name="releases">Also print the release summary (events, the release guard's verdicts) first.</param>
    public static int Run(Workspace workspace, Terminal terminal, string stack, string against, bool releases = false, bool json = false)
    {
        if (releases && json)
            throw new UsageException("--releases has no JSON form; drop --json, or --releases (deliver history --json --stack <stack> has the events).");
        var before = Workspace.Load(StackRevisions.ReadStack(workspace, stack, against), stack, against);
        var after = workspace.Load(stack);
        var beforeErrors = ProblemPrinter.PrintFor(stack, terminal, before.Errors, $"{stack} at {against}: ");
        var afterErrors = ProblemPrinter.PrintFor(stack, terminal, after.Errors);
        if (beforeErrors || afterErrors || before.Stack is not { } beforeValid || after.Stack is not { } afterValid)
            return ExitCodes.Problems;

        if (releases)
            ReleaseSummary.Print(workspace, terminal, stack, against, before, after);
        var diff = PlatformDiff.Between(PlatformRenderer.Render(beforeValid), PlatformRenderer.Render(afterValid));
        if (json)
        {
            terminal.Line(JsonSerializer.Serialize(new DiffJson(stack, against, diff.Added, diff.Removed, diff.Changed), ReportJsonContext.Default.DiffJson));
            return ExitCodes.Ok;
        }
        terminal.Line(diff.ToString());
        terminal.Line($"{stack}: {diff.Added.Count} added, {diff.Removed.Count} removed, {diff.Changed.Count} changed (against {against})");
        return ExitCodes.Ok;
    }
}
