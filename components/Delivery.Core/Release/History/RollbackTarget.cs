using Delivery.Core.Model;

namespace Delivery.Core.Release.History;

/// <summary>
/// Where an app's rollback would go, from its history: the version live before its latest switch
/// and the slot holding it; <see cref="Ready"/> when the idle slot still holds that version with
/// replicas, so that a rollback is only a Service change. <see cref="Refusal"/> says, in one line,
/// why there is nothing to roll back to and what to do instead. A rolling app's target is the
/// version live before its latest release, in <see cref="Slot.Rolling"/>: always ready, since a
/// rollback there rolls the old version out again.
/// </summary>
public sealed record RollbackTarget(string Version, Slot Slot, bool Ready, string? Refusal)
{
    /// <summary>The app's rollback target in a stack whose current config is <paramref name="app"/>.</summary>
    public static RollbackTarget? Of(string stack, string name, AppConfig app, ReleaseLedger ledger)
    {
        if (Strategies.IsRolling(app))
            return OfRolling(stack, name, app, ledger);
        var live = Slots.Parse(app.Live);
        if (live is null)
            return null;
        var idle = Slots.Other(live.Value);
        var liveVersion = Slots.Version(app, live.Value);
        var idleVersion = Slots.Version(app, idle);
        var events = ledger.Of(name).ToList();
        var lastLiveIndex = events.FindLastIndex(e => e.ChangesLive);
        var lastLive = lastLiveIndex < 0 ? null : events[lastLiveIndex];
        var promotedSince = events.Skip(lastLiveIndex + 1).Where(e => e.Kind == ReleaseEventKind.Promote && e.Slot == Slots.Name(idle)).ToList();
        var staged = promotedSince.Count > 0 && promotedSince[^1].To == idleVersion;
        var abort = $"deliver abort {name} --stack {stack}";
        if (lastLive is null || lastLive.From.Length == 0)
        {
            var since = ledger.Since is { } start ? $"since {When(start)} (the start of its history here)" : "with no earlier version in this stack's history";
            return new RollbackTarget("", idle, false,
                $"nothing to roll back: {name} {liveVersion} has been live {since}" +
                (staged ? $"; to drop the staged {idleVersion} run `{abort}`." : "."));
        }
        if (lastLive.Kind == ReleaseEventKind.Rollback)
        {
            return new RollbackTarget("", idle, false,
                $"nothing to roll back: {name} {liveVersion} is live again since {When(lastLive.Time)} (rolled back from {lastLive.From}); " +
                $"a rollback is not undone by another: to release {lastLive.From} again, stage it and run `deliver switch {name} --stack {stack}`.");
        }
        var target = lastLive.From;
        if (idleVersion != target)
        {
            var restorable = promotedSince.Count > 0 && promotedSince[0].From == target;
            return new RollbackTarget(target, idle, false,
                $"cannot roll back {name} to {target}: the idle {Slots.Name(idle)} slot now holds {(idleVersion.Length == 0 ? "no version" : idleVersion)}" +
                (restorable
                    ? $"; run `{abort}` to put {target} back, deploy it, then roll back."
                    : $"; {target} is in no slot any more: stage it with `deliver promote {name} {target} --stack {stack}`, deploy, then switch."));
        }
        if (app.IdleSlotReplicas == 0)
        {
            return new RollbackTarget(target, idle, false,
                $"cannot roll back {name} to {target}: the idle {Slots.Name(idle)} slot is scaled to 0 replicas; " +
                $"run pulumi config rm --path delivery-platform:apps.{name}.idleReplicas --stack {stack}, deploy, then roll back.");
        }
        return new RollbackTarget(target, idle, true, null);
    }

    private static RollbackTarget OfRolling(string stack, string name, AppConfig app, ReleaseLedger ledger)
    {
        var lastLive = ledger.Of(name).LastOrDefault(e => e.ChangesLive);
        if (lastLive is null || lastLive.From.Length == 0)
        {
            var since = ledger.Since is { } start ? $"since {When(start)} (the start of its history here)" : "with no earlier version in this stack's history";
            return new RollbackTarget("", Slot.Rolling, false, $"nothing to roll back: {name} {app.Version} has been live {since}.");
        }
        if (lastLive.Kind == ReleaseEventKind.Rollback)
        {
            return new RollbackTarget("", Slot.Rolling, false,
                $"nothing to roll back: {name} {app.Version} is live again since {When(lastLive.Time)} (rolled back from {lastLive.From}); " +
                $"a rollback is not undone by another: to release {lastLive.From} again, run `deliver promote {name} {lastLive.From} --stack {stack}`.");
        }
        return new RollbackTarget(lastLive.From, Slot.Rolling, true, null);
    }

    public static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
