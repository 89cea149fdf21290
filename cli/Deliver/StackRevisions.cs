using System.Diagnostics;

namespace Deliver;

/// <summary>Another config of a stack: a file, or its stack file at a git revision; and the stack file's earlier revisions.</summary>
internal static class StackRevisions
{
    /// <summary>The stack file's text in <paramref name="against"/>: a file path, or a git revision.</summary>
    public static string ReadStack(Workspace workspace, string stack, string against)
    {
        if (File.Exists(against))
            return Delivery.Core.Configuration.StackFileText.ReadFile(against);
        // git would take "--output=…" for an option of its own, not a revision.
        if (against.StartsWith('-'))
            throw new UsageException($"\"{against}\" is neither a file nor a git revision (a revision never starts with '-').");
        var (code, text, error) = Git(workspace, "show", $"{against}:./{Relative(workspace, stack)}");
        if (code != 0)
            throw new UsageException($"\"{against}\" is neither a file nor a git revision holding {Relative(workspace, stack)}: {error.Trim()}");
        return text;
    }

    /// <summary>
    /// The stack file at up to <paramref name="count"/> revisions that changed it before
    /// <paramref name="against"/> (newest first); none when <paramref name="against"/> is a file or git has no history.
    /// </summary>
    public static IReadOnlyList<(string Revision, string Text)> Earlier(Workspace workspace, string stack, string against, int count)
    {
        if (File.Exists(against))
            return [];
        var (code, log, _) = Git(workspace, "log", "--format=%H", $"-n{count}", $"{against}~1", "--", Relative(workspace, stack));
        if (code != 0)
            return [];
        var earlier = new List<(string, string)>();
        foreach (var revision in log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (shown, text, _) = Git(workspace, "show", $"{revision}:./{Relative(workspace, stack)}");
            if (shown == 0)
                earlier.Add((revision, text));
        }
        return earlier;
    }

    private static string Relative(Workspace workspace, string stack) =>
        Path.GetRelativePath(workspace.Root, workspace.StackFile(stack)).Replace('\\', '/');

    private static (int Code, string Output, string Error) Git(Workspace workspace, params string[] arguments)
    {
        var git = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(git) ?? throw new UsageException("git could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
