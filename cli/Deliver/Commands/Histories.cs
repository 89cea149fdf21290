using Delivery.Core.Io;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>A stack's release ledger from the git history of its file in this workspace.</summary>
internal static class Histories
{
    /// <exception cref="HistoryUnavailableException">no git, a shallow clone, no history: one line with the fix.</exception>
    public static ReleaseLedger Read(Workspace workspace, string stack)
    {
        workspace.ReadStack(stack); // a usage error for an unknown stack, before git is asked
        return ReleaseLedger.Build(stack, StackFileHistory.Read(workspace.Root, Relative(workspace, stack)));
    }

    /// <summary>The app changes promotions carried into these stacks' files (git trailers; see <see cref="AppChange"/>).</summary>
    public static IReadOnlyList<AppChange> AppChanges(Workspace workspace, IEnumerable<string> stacks) =>
        AppChangeTrailers.Read(workspace.Root, stacks.Select(stack => Relative(workspace, stack)).ToList());

    /// <summary>Every commit reachable from <paramref name="revision"/> (for "what is new since the base").</summary>
    public static IReadOnlySet<string> CommitsIn(Workspace workspace, string revision) =>
        GitRevisions.Reachable(workspace.Root, revision);

    /// <summary>The ledger, or null with the reason printed once as a warning (for commands that work without history).</summary>
    public static ReleaseLedger? TryRead(Workspace workspace, Terminal terminal, string stack)
    {
        try
        {
            return Read(workspace, stack);
        }
        catch (HistoryUnavailableException unavailable)
        {
            terminal.Warning($"{stack}: no release history: {unavailable.Message}");
            return null;
        }
    }

    private static string Relative(Workspace workspace, string stack) =>
        Path.GetRelativePath(workspace.Root, workspace.StackFile(stack)).Replace('\\', '/');
}
