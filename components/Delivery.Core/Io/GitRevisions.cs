namespace Delivery.Core.Io;

/// <summary>Commit sets from git, for telling a branch's release events from its base's.</summary>
public static class GitRevisions
{
    /// <summary>Every commit reachable from <paramref name="revision"/>.</summary>
    public static IReadOnlySet<string> Reachable(string root, string revision) =>
        new HashSet<string>(new GitCli(root).Run("rev-list", revision, "--").Split('\n', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
