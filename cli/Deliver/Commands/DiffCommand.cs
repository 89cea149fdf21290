using System.Diagnostics;
using Delivery.Core.Platform;

namespace Delivery.Cli.Commands;

/// <summary>
/// deliver diff: what the current stack file changes against another config of the same stack (a
/// file, or a git revision of the stack file), object by object; for a PR comment with no Pulumi
/// credentials.
/// </summary>
internal static class DiffCommand
{
    /// <param name="releases">Also print the release summary (events, ladder and freeze verdicts) first.</param>
    public static int Run(Workspace workspace, Terminal terminal, string stack, string against, bool releases = false)
    {
        var before = Workspace.Load(ReadOther(workspace, stack, against), stack, against);
        var after = workspace.Load(stack);
        var beforeErrors = ProblemPrinter.Print(terminal, before.Errors, $"{stack} at {against}: ");
        var afterErrors = ProblemPrinter.Print(terminal, after.Errors, $"{stack}: ");
        if (beforeErrors || afterErrors)
            return ExitCodes.Problems;

        if (releases)
            ReleaseSummary.Print(workspace, terminal, stack, against, before, after);
        var diff = PlatformDiff.Between(Workspace.Render(before), Workspace.Render(after));
        terminal.Line(diff.ToString());
        terminal.Line($"{stack}: {diff.Added.Count} added, {diff.Removed.Count} removed, {diff.Changed.Count} changed (against {against})");
        return ExitCodes.Ok;
    }

    private static string ReadOther(Workspace workspace, string stack, string against)
    {
        if (File.Exists(against))
            return File.ReadAllText(against);
        var relative = Path.GetRelativePath(workspace.Root, workspace.StackFile(stack)).Replace('\\', '/');
        var git = new ProcessStartInfo("git", ["show", $"{against}:./{relative}"])
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(git) ?? throw new UsageException("git could not be started.");
        var text = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new UsageException($"\"{against}\" is neither a file nor a git revision holding {relative}: {error.Trim()}");
        return text;
    }
}
