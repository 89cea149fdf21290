namespace Delivery.Core.Release;

/// <summary>
/// The versions an app ran live before its current one and left by a release, newest first: a
/// downstream stack may still take them within its tier's window
/// (<see cref="Configuration.TierProfile.UpstreamWindow"/>), as Kargo keeps verified freight
/// eligible after the stage moves on. A version the app was rolled back from is dropped: it failed.
/// </summary>
public static class EarlierLive
{
    /// <summary>How many a state records: more than any tier's window, few enough for a stack output.</summary>
    public const int Kept = 10;

    /// <summary>The list after the live version changes from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> After(IReadOnlyList<string>? earlier, string from, string to, bool rollback)
    {
        var kept = (earlier ?? []).Where(v => v != from && v != to);
        return [.. (rollback || from.Length == 0 ? kept : kept.Prepend(from)).Take(Kept)];
    }
}
