using System.Text.Json.Serialization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Release;

/// <summary>
/// What one app runs, as far as releases go: its slot versions, live slot and canary weight (a
/// rolling app: its <see cref="Version"/>, with no slots, live slot or canary), and the version live
/// before the latest live change with the slot holding it (the rollback target; empty when there
/// is none, after a rollback, or in a state written before it was recorded; no slot for a rolling app).
/// A blue/green app's <see cref="Version"/> is null and left out of the JSON, so its output is as before rolling apps.
/// <see cref="EarlierLive"/>: the versions live before, newest first (<see cref="Release.EarlierLive"/>); null
/// when there are none or in a state written before they were recorded.
/// </summary>
public sealed record AppReleaseState(
    string Blue, string Green, string Live, int CanaryWeight, string PreviousLiveVersion = "", string PreviousLiveSlot = "",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? EarlierLive = null)
{
    /// <summary>A rolling app's state: a version, no live slot (a state written before rolling apps has no version, so is never rolling).</summary>
    [JsonIgnore]
    public bool Rolling => Live.Length == 0 && Version is { Length: > 0 };

    [JsonIgnore]
    public string LiveVersion => Rolling ? Version! : VersionIn(Live);

    /// <summary>The key a live change edits: the live slot's, or a rolling app's version.</summary>
    [JsonIgnore]
    public string LiveKey => Rolling ? AppKeys.Version : Live;

    /// <summary>The slot that is not live ("" for a rolling app, or a live slot that is neither blue nor green).</summary>
    [JsonIgnore]
    public string IdleSlot => Slots.Parse(Live) is { } live ? Slots.Name(Slots.Other(live)) : "";

    /// <summary>The version the idle slot holds, where a canary sends its share ("" without one).</summary>
    [JsonIgnore]
    public string IdleVersion => VersionIn(IdleSlot);

    /// <summary>The version in a slot by name ("" for anything but blue or green).</summary>
    public string VersionIn(string slot) => Slots.Parse(slot) is { } parsed ? (parsed == Slot.Blue ? Blue : Green) : "";

    /// <summary>By value, the earlier live versions too (a record compares a list by reference).</summary>
    public bool Equals(AppReleaseState? other) =>
        other is not null && (Blue, Green, Live, CanaryWeight, PreviousLiveVersion, PreviousLiveSlot, Version) ==
        (other.Blue, other.Green, other.Live, other.CanaryWeight, other.PreviousLiveVersion, other.PreviousLiveSlot, other.Version)
        && (EarlierLive ?? []).SequenceEqual(other.EarlierLive ?? []);

    public override int GetHashCode() => HashCode.Combine(Blue, Green, Live, CanaryWeight, PreviousLiveVersion, PreviousLiveSlot, Version, EarlierLive?.Count ?? 0);
}

/// <summary>
/// The rules a stack was deployed under, which loosen what a release may do: the freeze, the
/// upstream the ladder compares with, and the apps' hotfix reasons (empty ones left out).
/// </summary>
public sealed record StackRules(bool Frozen, string Upstream, IReadOnlyDictionary<string, string> HotfixReasons)
{
    public static StackRules Of(DeliveryConfig config) =>
        new(config.Freeze.Enabled, config.Upstream,
            config.Apps.Where(a => a.Value.HotfixReason.Length > 0).ToDictionary(a => a.Key, a => a.Value.HotfixReason, StringComparer.Ordinal));
}

/// <summary>
/// The release state of a whole stack, per app: taken from a config (the one deployed before, or
/// an upstream stack's) and compared by the release guard; with the rules it was deployed under
/// (null in a state written before they were recorded).
/// </summary>
public sealed record ReleaseState(IReadOnlyDictionary<string, AppReleaseState> Apps, StackRules? Rules = null)
{
    /// <summary>A config's state with no previous live versions (an upstream's, or a first deploy).</summary>
    public static ReleaseState Of(DeliveryConfig config) =>
        new(config.Apps.ToDictionary(a => a.Key, a => Current(a.Value), StringComparer.Ordinal), StackRules.Of(config));

    /// <summary>
    /// The state to record after deploying <paramref name="config"/> over <paramref name="deployed"/>:
    /// a switch records the version it replaced as the previous live one; a rollback clears it
    /// (a rollback is not undone by another); otherwise the previous one is kept. The earlier live
    /// versions follow every live change (<see cref="Release.EarlierLive"/>).
    /// </summary>
    public static ReleaseState After(DeliveryConfig config, ReleaseState? deployed) =>
        new(config.Apps.ToDictionary(a => a.Key, a =>
        {
            var now = Current(a.Value);
            var before = deployed?.Apps.GetValueOrDefault(a.Key);
            if (before is null)
                return now;
            var rollback = RollbackRule.IsRollback(before, now);
            if (before.LiveVersion != now.LiveVersion)
                now = now with { EarlierLive = Release.EarlierLive.After(before.EarlierLive, before.LiveVersion, now.LiveVersion, rollback) is { Count: > 0 } earlier ? earlier : null };
            else
                now = now with { EarlierLive = before.EarlierLive };
            if (rollback)
                return now;
            return before.LiveVersion != now.LiveVersion && before.LiveVersion.Length > 0
                ? now with { PreviousLiveVersion = before.LiveVersion, PreviousLiveSlot = before.Live }
                : now with { PreviousLiveVersion = before.PreviousLiveVersion, PreviousLiveSlot = before.PreviousLiveSlot };
        }, StringComparer.Ordinal), StackRules.Of(config));

    private static AppReleaseState Current(AppConfig app) => new(app.Blue, app.Green, app.Live, app.CanaryWeight, Version: app.Version.Length == 0 ? null : app.Version);
}
