namespace Deliver.Commands;

/// <summary>
/// One app's release state as <c>deliver status</c> reports it: the table is drawn from it and
/// <c>--json</c> prints it (docs/json.md). Versions are full; "" is a slot with no version.
/// </summary>
/// <param name="Strategy"><c>blue-green</c> or <c>rolling</c>.</param>
/// <param name="IdleSlot">Null for a rolling app, which has one slot.</param>
/// <param name="IdleReplicas">Null when the idle slot runs nothing (no version, or a rolling app).</param>
/// <param name="UpstreamLiveVersion">Null without a readable upstream stack; "" when upstream does not deploy the app.</param>
/// <param name="RollbackTo">Null when there is none, or no release history to find it in (<see cref="StackStatus.History"/>).</param>
/// <param name="LiveReleaseId">Null when the slot has no version or the stack file has errors (ids hash the rendered pods).</param>
/// <param name="FromEnvironment">The config keys of this app that a DELIVERY_ environment variable of this shell sets.</param>
internal sealed record AppStatus(
    string App, string Phase, string Strategy, string LiveSlot, string LiveVersion, string? IdleSlot, string IdleVersion, int CanaryWeight,
    int? IdleReplicas, string? UpstreamLiveVersion, RollbackStatus? RollbackTo, string? LiveReleaseId, string? IdleReleaseId,
    IReadOnlyList<string> FromEnvironment);

/// <summary>Where a rollback would take the app: the version, the slot holding it, and whether that slot can take traffic now.</summary>
/// <param name="State"><c>ready</c> (held with replicas), <c>no-replicas</c> (held, scaled to 0), <c>gone</c> (the slot holds another version), <c>roll-out</c> (a rolling app rolls it out again).</param>
internal sealed record RollbackStatus(string Version, string Slot, string State);

/// <summary>A stack as <c>deliver status</c> reports it.</summary>
/// <param name="Upstream">The stack it promotes from; null for none.</param>
/// <param name="FreezeReason">Null unless frozen.</param>
/// <param name="History">Whether the release history could be read (rollback targets and the ROLLED BACK phase come from it).</param>
/// <param name="Errors">The stack file's errors; with any, the apps are what the file says, not what it would deploy.</param>
internal sealed record StackStatus(
    string Stack, string Environment, string? Upstream, bool Frozen, string? FreezeReason, bool History, IReadOnlyList<AppStatus> Apps, IReadOnlyList<ProblemJson> Errors);
