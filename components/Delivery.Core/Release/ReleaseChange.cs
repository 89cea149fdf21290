using System.Globalization;
using Delivery.Core.Model;

namespace Delivery.Core.Release;

public enum ReleaseChangeKind
{
    /// <summary>No version, live slot or canary weight changes.</summary>
    None,

    /// <summary>Every changed app only rolls back (<see cref="RollbackRule"/>) or gives traffic back to its live slot: nothing new runs or takes traffic.</summary>
    Rollback,

    /// <summary>Anything else that changes what runs or takes traffic.</summary>
    Release,
}

/// <summary>An app's slot that got a new version: what a deploy stages and then verifies (a rolling app's: <see cref="Slot.Rolling"/>, live at once).</summary>
public sealed record StagedSlot(string App, Slot Slot, string Version);

/// <summary>
/// What a stack's config changes about its releases against what was deployed before (the
/// previous revision of its stack file, with the rollback target its history records). A rollback
/// is what <c>pulumi up</c> lets past the freeze and the ladder (<see cref="RollbackRule"/>): live
/// back to the version live before the latest switch, in the slot that still holds it. Lowering or
/// ending a canary gives traffic back to the live slot and is no release either; anything else
/// that stages a version, switches or grows a canary is. A rolling app's new version is staged
/// and live at once; its version set back to the previous live one is its rollback.
/// </summary>
/// <param name="Staged">Slots holding a version they did not hold before.</param>
/// <param name="Switched">Apps whose live slot changed.</param>
/// <param name="Apps">Apps whose release state changed (added ones too), the gate's scope.</param>
public sealed record ReleaseChange(ReleaseChangeKind Kind, IReadOnlyList<string> Changes, IReadOnlyList<StagedSlot> Staged, IReadOnlyList<string> Switched, IReadOnlyList<string> Apps)
{
    /// <param name="deployed">The deployed state, with each app's previous live version (<see cref="ReleaseState.After"/> over the stack's history).</param>
    public static ReleaseChange Between(DeliveryConfig config, ReleaseState deployed)
    {
        var current = ReleaseState.Of(config);
        var changes = new List<string>();
        var staged = new List<StagedSlot>();
        var switched = new List<string>();
        var apps = new List<string>();
        var rollback = true;
        foreach (var name in current.Apps.Keys.Union(deployed.Apps.Keys).Order(StringComparer.Ordinal))
        {
            var now = current.Apps.GetValueOrDefault(name);
            var before = deployed.Apps.GetValueOrDefault(name);
            if (now is null || before is null)
            {
                changes.Add(now is null ? $"{name}: removed" : $"{name}: added");
                apps.Add(name);
                rollback = false;
                if (now is not null)
                    staged.AddRange(NewSlots(name, now, null));
                continue;
            }
            if (now == before with { PreviousLiveVersion = "", PreviousLiveSlot = "" })
                continue;
            if (now.Live != before.Live)
                switched.Add(name);
            var isRollback = RollbackRule.IsRollback(before, now);
            var newSlots = isRollback && now.Rolling ? [] : NewSlots(name, now, before).ToList();
            staged.AddRange(newSlots);
            var liveBack = isRollback || (now.Live == before.Live && now.LiveVersion == before.LiveVersion);
            rollback &= liveBack && newSlots.Count == 0 && now.CanaryWeight <= before.CanaryWeight;
            changes.Add($"{name}: {Describe(before)} -> {Describe(now)}");
            apps.Add(name);
        }
        var kind = changes.Count == 0 ? ReleaseChangeKind.None : rollback ? ReleaseChangeKind.Rollback : ReleaseChangeKind.Release;
        return new ReleaseChange(kind, changes, staged, switched, apps);
    }

    /// <summary>Slots holding a version they did not hold before.</summary>
    private static IEnumerable<StagedSlot> NewSlots(string app, AppReleaseState now, AppReleaseState? before)
    {
        if (now.Rolling && now.Version != before?.Version)
            yield return new StagedSlot(app, Slot.Rolling, now.LiveVersion);
        if (now.Blue.Length > 0 && now.Blue != before?.Blue)
            yield return new StagedSlot(app, Slot.Blue, now.Blue);
        if (now.Green.Length > 0 && now.Green != before?.Green)
            yield return new StagedSlot(app, Slot.Green, now.Green);
    }

    private static string Describe(AppReleaseState state)
    {
        if (state.Rolling)
            return $"rolling {state.Version}";
        var canary = state.CanaryWeight > 0 ? $", canary {state.CanaryWeight.ToString(CultureInfo.InvariantCulture)}%" : "";
        return $"live {state.Live} {state.LiveVersion}, idle {(state.IdleVersion.Length == 0 ? "empty" : state.IdleVersion)}{canary}";
    }
}
