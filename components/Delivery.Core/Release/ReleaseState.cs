using System.Text.Json.Serialization;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

/// <summary>
/// What one app runs, as far as releases go: its slot versions, live slot and canary weight, and
/// the version live before the latest switch with the slot holding it (the rollback target; empty
/// when there is none, after a rollback, or in a state written before it was recorded).
/// </summary>
public sealed record AppReleaseState(string Blue, string Green, string Live, int CanaryWeight, string PreviousLiveVersion = "", string PreviousLiveSlot = "")
{
    [JsonIgnore]
    public string LiveVersion => Slots.Parse(Live) is { } slot ? (slot == Slot.Blue ? Blue : Green) : "";

    /// <summary>The version in a slot by name ("" for anything but blue or green).</summary>
    public string VersionIn(string slot) => Slots.Parse(slot) is { } parsed ? (parsed == Slot.Blue ? Blue : Green) : "";
}

/// <summary>
/// The release state of a whole stack, per app: taken from a config (the one deployed before, or
/// an upstream stack's) and compared by the freeze and the promotion ladder.
/// </summary>
public sealed record ReleaseState(IReadOnlyDictionary<string, AppReleaseState> Apps)
{
    /// <summary>A config's state with no previous live versions (an upstream's, or a first deploy).</summary>
    public static ReleaseState Of(DeliveryConfig config) =>
        new(config.Apps.ToDictionary(a => a.Key, a => Current(a.Value), StringComparer.Ordinal));

    /// <summary>
    /// The state to record after deploying <paramref name="config"/> over <paramref name="deployed"/>:
    /// a switch records the version it replaced as the previous live one; a rollback clears it
    /// (a rollback is not undone by another); otherwise the previous one is kept.
    /// </summary>
    public static ReleaseState After(DeliveryConfig config, ReleaseState? deployed) =>
        new(config.Apps.ToDictionary(a => a.Key, a =>
        {
            var now = Current(a.Value);
            var before = deployed?.Apps.GetValueOrDefault(a.Key);
            if (before is null)
                return now;
            if (RollbackRule.IsRollback(before, now))
                return now;
            return before.LiveVersion != now.LiveVersion && before.LiveVersion.Length > 0
                ? now with { PreviousLiveVersion = before.LiveVersion, PreviousLiveSlot = before.Live }
                : now with { PreviousLiveVersion = before.PreviousLiveVersion, PreviousLiveSlot = before.PreviousLiveSlot };
        }, StringComparer.Ordinal));

    private static AppReleaseState Current(AppConfig app) => new(app.Blue, app.Green, app.Live, app.CanaryWeight);
}
