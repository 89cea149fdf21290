namespace Delivery.Core.Release;

/// <summary>
/// How <c>pulumi up</c> recognises a rollback, against the stack's own last <c>releaseState</c>:
/// live moves to the slot that holds the recorded previous live version, unchanged since that
/// deploy (its pods are the ones that ran before). Only that is a rollback, let past the freeze and
/// the ladder; live moving anywhere else is a switch, checked by both. A rolling app has no slot
/// to hold the old pods: its rollback is its version set back to the recorded previous live
/// version, which Kubernetes rolls out again.
/// </summary>
public static class RollbackRule
{
    public static bool IsRollback(AppReleaseState before, AppReleaseState now) =>
        before.PreviousLiveVersion.Length > 0
        && now.LiveVersion != before.LiveVersion
        && now.LiveVersion == before.PreviousLiveVersion
        && (before.Rolling && now.Rolling
            || (now.Live == before.PreviousLiveSlot && before.VersionIn(now.Live) == before.PreviousLiveVersion));

    /// <summary>What a refusal of a live change adds: the one rollback that would pass.</summary>
    public static string Hint(AppReleaseState before) =>
        before.Rolling && before.PreviousLiveVersion.Length > 0
            ? $" Only a rollback passes: version back to {before.PreviousLiveVersion}, the version live before."
            : before.PreviousLiveVersion.Length > 0 && before.VersionIn(before.PreviousLiveSlot) == before.PreviousLiveVersion
                ? $" Only a rollback passes: live back to {before.PreviousLiveSlot}, which holds {before.PreviousLiveVersion}, the version live before."
                : " There is no rollback target (no previous live version held in the idle slot).";
}
