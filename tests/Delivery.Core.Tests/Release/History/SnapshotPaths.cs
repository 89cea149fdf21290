using Delivery.Core.Release.History;

namespace Delivery.Core.Tests.Release.History;

/// <summary>
/// The reader's fast path (a version whose only changed lines are plain release values reuses the
/// last one) against its full path (a new reader reads every text in full): both must give the same
/// snapshot of every version, or the same refusal.
/// </summary>
internal static class SnapshotPaths
{
    public static void AssertSame(string stack, IReadOnlyList<StackFileVersion> versions)
    {
        var sequential = new SnapshotReader(stack);
        foreach (var version in versions.Where(v => v.Text is not null))
        {
            var fast = sequential.Read(version.Text!, version.ShortCommit);
            var full = new SnapshotReader(stack).Read(version.Text!, version.ShortCommit);
            Assert.True((fast.Snapshot is null) == (full.Snapshot is null), $"{version.ShortCommit}: fast {fast.Problem ?? "read"}, full {full.Problem ?? "read"}");
            if (fast.Snapshot is { } read && full.Snapshot is { } expected)
            {
                Assert.Equal((expected.Frozen, expected.FreezeReason), (read.Frozen, read.FreezeReason));
                Assert.Equal(expected.Apps.OrderBy(a => a.Key, StringComparer.Ordinal), read.Apps.OrderBy(a => a.Key, StringComparer.Ordinal));
            }
        }
    }
}
