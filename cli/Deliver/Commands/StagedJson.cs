namespace Deliver.Commands;

/// <summary>What <c>deliver staged --json</c> prints: the kind of change against the deployed state, and the slots a release verifies.</summary>
/// <param name="Change"><c>none</c>, <c>rollback</c> or <c>release</c>; slots only for a release.</param>
internal sealed record StagedJson(string Stack, string Against, string Change, IReadOnlyList<StagedSlotJson> Slots);

/// <summary>One slot to verify: <c>idle</c> (staged, then switched) or <c>live</c> (verified for the bake time), its Service's health URL.</summary>
internal sealed record StagedSlotJson(string App, string Slot, string Role, string Version, string HealthUrl, TimeSpan Bake);
