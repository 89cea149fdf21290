using System.Globalization;
using Delivery.Core.Model;

namespace Delivery.Core.Release.History;

/// <summary>
/// A stack's release history: its events, oldest first, derived from consecutive valid versions of
/// its stack file, and a note for each version that was skipped (invalid YAML or config, unreadable).
/// </summary>
public sealed record ReleaseLedger(string Stack, IReadOnlyList<ReleaseEvent> Events, IReadOnlyList<string> Notes, DateTimeOffset? Since)
{
    /// <summary>The events of one stack from its file's versions (oldest first). Pure.</summary>
    public static ReleaseLedger Build(string stack, IReadOnlyList<StackFileVersion> versions)
    {
        var events = new List<ReleaseEvent>();
        var notes = new List<string>();
        var reader = new SnapshotReader(stack);
        var parsed = new Dictionary<string, (StackSnapshot?, string?)>(StringComparer.Ordinal);
        StackSnapshot? previous = null;
        DateTimeOffset? since = null;
        foreach (var version in versions)
        {
            if (version.Text is null)
            {
                notes.Add($"{stack} {version.ShortCommit}: skipped, git cannot read this version of the stack file.");
                continue;
            }
            // Reverts and repeated steps bring back a text seen before: read each text once.
            if (!parsed.TryGetValue(version.Text, out var result))
                parsed[version.Text] = result = reader.Read(version.Text, version.ShortCommit);
            var (snapshot, problem) = result;
            if (snapshot is null)
            {
                notes.Add($"{stack} {version.ShortCommit} ({version.Time.UtcDateTime:yyyy-MM-dd}): skipped, the stack file was invalid: {problem}");
                continue;
            }
            since ??= version.Time;
            if (previous is not null)
                Compare(stack, version, previous, snapshot, events);
            previous = snapshot;
        }
        return new ReleaseLedger(stack, events, notes, since);
    }

    /// <summary>
    /// <paramref name="config"/>'s release state with each app's previous live version from this
    /// history (the slot it was in before the latest switch), as the freeze and ladder compare it,
    /// and the versions it ran live earlier, as a downstream stack's ladder reads them.
    /// </summary>
    public ReleaseState StateOf(DeliveryConfig config)
    {
        var state = ReleaseState.Of(config);
        return state with
        {
            Apps = state.Apps.ToDictionary(a => a.Key, a =>
        {
            var liveChanges = Of(a.Key).Where(e => e.ChangesLive).ToList();
            var earlier = liveChanges.Aggregate((IReadOnlyList<string>)[], (list, e) => EarlierLive.After(list, e.From, e.To, e.Kind == ReleaseEventKind.Rollback))
                .Where(v => v != a.Value.LiveVersion).ToList();
            var app = earlier.Count == 0 ? a.Value : a.Value with { EarlierLive = earlier };
            var previous = PreviousLive(Events, a.Key);
            var last = liveChanges.LastOrDefault();
            return previous is null || last is null
                ? app
                : app with { PreviousLiveVersion = previous, PreviousLiveSlot = Slots.Parse(last.Slot) is { } slot ? Slots.Name(Slots.Other(slot)) : "" };
        }, StringComparer.Ordinal)
        };
    }

    /// <summary>The events of one app, oldest first.</summary>
    public IEnumerable<ReleaseEvent> Of(string app) => Events.Where(e => e.App == app);

    private static void Compare(string stack, StackFileVersion version, StackSnapshot before, StackSnapshot after, List<ReleaseEvent> events)
    {
        ReleaseEvent Event(string app, ReleaseEventKind kind, string slot, string from, string to, string release) =>
            new(stack, app, kind, version.Time, version.Commit, version.Author, slot, from, to, release);

        if (before.Frozen != after.Frozen)
            events.Add(Event("", after.Frozen ? ReleaseEventKind.FreezeOn : ReleaseEventKind.FreezeOff, "", before.Frozen ? before.FreezeReason : "", after.Frozen ? after.FreezeReason : "", ""));

        foreach (var (name, now) in after.Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!before.Apps.TryGetValue(name, out var was))
                continue; // a new app: its first version is where its history starts
            var liveChanged = was.LiveVersion != now.LiveVersion && now.LiveVersion.Length > 0;
            if (liveChanged)
            {
                var previousLive = PreviousLive(events, name);
                var kind = previousLive is not null && previousLive == now.LiveVersion
                    ? ReleaseEventKind.Rollback
                    : now.HotfixReason.Length > 0 ? ReleaseEventKind.Hotfix : now.Rolling ? ReleaseEventKind.Promote : ReleaseEventKind.Switch;
                events.Add(Event(name, kind, Slots.Name(now.Live), was.LiveVersion, now.LiveVersion, now.Release(now.Live)));
            }
            // A rolling app has no idle slot and no canary: its one version is the live change above.
            if (now.Rolling)
                continue;
            // The idle slot's version changed: staged. (The live slot's own version changing is the live change above.)
            var wasIdle = was.Rolling ? "" : was.Version(now.Idle);
            if (wasIdle != now.IdleVersion)
                events.Add(Event(name, ReleaseEventKind.Promote, Slots.Name(now.Idle), wasIdle, now.IdleVersion, now.Release(now.Idle)));
            if (was.CanaryWeight != now.CanaryWeight && !(liveChanged && now.CanaryWeight == 0))
                events.Add(Event(name, ReleaseEventKind.Canary, Slots.Name(now.Idle), Percent(was.CanaryWeight), Percent(now.CanaryWeight), now.Release(now.Idle)));
        }
    }

    /// <summary>
    /// The version live before the app's latest live change, which a rollback returns to; null when
    /// there is none, or when that change was itself a rollback (a rollback is not undone by another).
    /// </summary>
    internal static string? PreviousLive(IEnumerable<ReleaseEvent> events, string app)
    {
        var last = events.LastOrDefault(e => e.App == app && e.ChangesLive);
        return last is null || last.Kind == ReleaseEventKind.Rollback || last.From.Length == 0 ? null : last.From;
    }

    private static string Percent(int weight) => weight.ToString(CultureInfo.InvariantCulture) + "%";
}
