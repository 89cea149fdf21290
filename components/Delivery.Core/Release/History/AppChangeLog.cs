namespace Delivery.Core.Release.History;

/// <summary>
/// The app changes promotions carried into this repository: the trailers of every commit that touched
/// the stack files (read by <c>Io/AppChangeTrailers</c>). Unlike the ledger it follows every parent, not the
/// first: a promotion merged with a merge commit keeps its trailers on the merged commit, not on the merge.
/// </summary>
public static class AppChangeLog
{
    internal const char Record = '\u001e';

    /// <summary>Newest first, as git prints them; commits without a complete app change are left out.</summary>
    public static IReadOnlyList<AppChange> Parse(string log) =>
        log.Split(Record, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => AppChange.FromTrailers(entry.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
            .OfType<AppChange>()
            .ToList();
}
