namespace Delivery.Core.Release.History;

/// <summary>What one commit did to one app (or, for a freeze, to the whole stack).</summary>
public enum ReleaseEventKind
{
    /// <summary>The idle slot's version changed: a version staged; for a rolling app (slot <c>rolling</c>), released.</summary>
    Promote,

    /// <summary>The live version changed to one that is not the version live before.</summary>
    Switch,

    /// <summary>The live version went back to the version live before the last switch.</summary>
    Rollback,

    /// <summary>A switch with <c>hotfixReason</c> set: went live past the promotion ladder.</summary>
    Hotfix,

    /// <summary>The canary weight changed (a switch's own reset to 0 is part of the switch).</summary>
    Canary,

    FreezeOn,

    FreezeOff,
}

/// <summary>
/// One release event of a stack's history: when, which commit and who, the app (empty for a
/// freeze), the slot it concerns, from → to (versions; weights for a canary; the reason for a
/// freeze) and the release id of what now runs in that slot.
/// </summary>
public sealed record ReleaseEvent(
    string Stack,
    string App,
    ReleaseEventKind Kind,
    DateTimeOffset Time,
    string Commit,
    string Author,
    string Slot,
    string From,
    string To,
    string ReleaseId)
{
    /// <summary>A change of the live version: switch, rollback or hotfix, or a rolling app's promote.</summary>
    public bool ChangesLive => Kind is ReleaseEventKind.Switch or ReleaseEventKind.Rollback or ReleaseEventKind.Hotfix || IsRollingRelease;

    /// <summary>A deployment, as the DORA figures count them: a switch or hotfix, or a rolling app's promote.</summary>
    public bool IsDeployment => Kind is ReleaseEventKind.Switch or ReleaseEventKind.Hotfix || IsRollingRelease;

    /// <summary>A rolling app's promote: its one Deployment got a new version, live as it rolls out.</summary>
    private bool IsRollingRelease => Kind == ReleaseEventKind.Promote && Slot == RollingSlot;

    /// <summary>The slot of a rolling app's events.</summary>
    public static readonly string RollingSlot = Model.Slots.Name(Model.Slot.Rolling);

    public string KindName => Kind switch
    {
        ReleaseEventKind.FreezeOn => "freeze-on",
        ReleaseEventKind.FreezeOff => "freeze-off",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
