namespace Delivery.Core.Release.History;

/// <summary>
/// One version of a stack file: the commit that wrote it (empty for uncommitted changes in the
/// working tree), its author, its time (the committer's: when the step landed) and its text (null
/// when git cannot read that blob: a damaged or partial clone).
/// </summary>
public sealed record StackFileVersion(string Commit, string Author, DateTimeOffset Time, string Subject, string? Text)
{
    public bool IsUncommitted => Commit.Length == 0;

    public string ShortCommit => IsUncommitted ? "(working tree)" : Commit[..Math.Min(10, Commit.Length)];
}
