using Delivery.Core.Release.History;

namespace Delivery.Core.Io;

/// <summary>
/// Reads the trailers of every commit that touched the stack files, with one <c>git log</c>, for
/// <see cref="AppChangeLog"/> to parse.
/// </summary>
public static class AppChangeTrailers
{
    /// <param name="root">The project folder, inside a git work tree.</param>
    /// <param name="relativePaths">The stack files, e.g. stacks/Pulumi.dev.yaml.</param>
    public static IReadOnlyList<AppChange> Read(string root, IReadOnlyList<string> relativePaths)
    {
        var log = new GitCli(root).Run(["log", $"--format={AppChangeLog.Record}%(trailers:only,unfold)", "--", .. relativePaths]);
        return AppChangeLog.Parse(log);
    }
}
