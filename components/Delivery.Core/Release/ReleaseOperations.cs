using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Release.History;

namespace Delivery.Core.Release;

/// <summary>A release step as config edits: each a key and its new value; <paramref name="Notice"/> is what the step gives up, if anything.</summary>
public sealed record ReleaseEdit(string Summary, IReadOnlyList<(ConfigPath Path, string Value)> Changes, string? Notice = null);

/// <summary>
/// The release steps as pure config edits: promote stages a version in the idle slot (ending a
/// running canary, whose share would otherwise go to the new build unseen); canary
/// sends a share of the host's traffic to it; switch makes the idle slot live; rollback makes the
/// version live before the last switch live again (and only that one); abort gives the idle slot
/// back the version it held before it was staged over. A switch or rollback also ends a running
/// canary, whose weight would otherwise point at the old slot. A rolling app has one Deployment:
/// promote sets its version (Kubernetes rolls it out, live as it goes), rollback sets back the
/// version live before its latest release, and canary, switch and abort, which need an idle slot, are refused.
/// </summary>
public static class ReleaseOperations
{
    /// <param name="rollbackTarget">The app's rollback target, when its history is known: promote says when it overwrites it.</param>
    public static ReleaseEdit Promote(DeliveryConfig config, string app, string version, RollbackTarget? rollbackTarget = null)
    {
        if (FindRolling(config, app) is { } rolling)
        {
            if (rolling.Version == version)
                throw new ReleaseRefusedException($"{app} {version} is already live (rolling).");
            return new ReleaseEdit(
                $"{app}: roll out {version} (was {rolling.Version}) over its Deployment, {Strategies.MaxSurge(rolling)} surge, {Strategies.MaxUnavailable(rolling)} unavailable; live as its pods become ready",
                [(AppKeys.App(app).Key(AppKeys.Version), version)]);
        }
        var (settings, live) = Find(config, app);
        var idle = Slots.Other(live);
        if (Slots.Version(settings, live) == version)
            throw new ReleaseRefusedException($"{app} {version} is already live in the {Slots.Name(live)} slot.");
        if (Slots.Version(settings, idle) == version)
            return new ReleaseEdit($"{app}: {version} is already staged in the idle {Slots.Name(idle)} slot; nothing to change", []);
        var replaced = rollbackTarget is { Ready: true } target && target.Slot == idle
            ? $"{Slots.Name(idle)} held {target.Version}, the rollback target; after this, rolling back needs a redeploy of {target.Version} (or `deliver abort {app}` before the switch)."
            : null;
        // A new build starts at weight 0 (ReleaseGuard, I3): the running canary's share would go to it unseen.
        var canary = settings.CanaryWeight > 0 ? $"; the {Weight(settings)}% canary to {Slots.Version(settings, idle)} ends (canary {version} after it is deployed)" : "";
        return new ReleaseEdit(
            $"{app}: stage {version} in the idle {Slots.Name(idle)} slot (was \"{Slots.Version(settings, idle)}\"); {Slots.Name(live)} stays live{canary}",
            [(AppKeys.App(app).Key(AppKeys.Of(idle)), version), .. EndCanary(settings, app)], replaced);
    }

    /// <summary>Send <paramref name="weight"/> percent of the host's traffic to the idle slot; 0 ends the canary.</summary>
    public static ReleaseEdit Canary(DeliveryConfig config, string app, int weight)
    {
        RefuseRolling(config, app, "canary");
        var (settings, live) = Find(config, app);
        var idle = Slots.Other(live);
        var was = settings.CanaryWeight.ToString(CultureInfo.InvariantCulture);
        if (weight is < 0 or > 100)
            throw new ReleaseRefusedException($"a canary weight is a percent of traffic, 0–100, not {weight.ToString(CultureInfo.InvariantCulture)}; 0 ends the canary.");
        if (weight == settings.CanaryWeight)
            return new ReleaseEdit($"{app}: the canary is already at {was}%; nothing to change", []);
        if (weight > 0 && Slots.Version(settings, idle).Length == 0)
            throw new ReleaseRefusedException($"cannot canary {app}: the idle {Slots.Name(idle)} slot has no version; stage one first: deliver promote {app} <version>.");
        var text = weight.ToString(CultureInfo.InvariantCulture);
        var summary = weight == 0
            ? $"{app}: end the canary (was {was}%); all traffic to the live {Slots.Name(live)} slot"
            : $"{app}: send {text}% of traffic to the idle {Slots.Name(idle)} slot ({Slots.Version(settings, idle)}), was {was}%; {Slots.Name(live)} stays live";
        return new ReleaseEdit(summary, [(AppKeys.App(app).Key(AppKeys.CanaryWeight), text)]);
    }

    public static ReleaseEdit Switch(DeliveryConfig config, string app)
    {
        RefuseRolling(config, app, "switch");
        return MakeIdleLive(config, app, "switch");
    }

    /// <summary>The last good version live again: refused, with the target's one-line reason, unless it is ready in the idle slot.</summary>
    public static ReleaseEdit Rollback(DeliveryConfig config, string app, RollbackTarget? target)
    {
        if (FindRolling(config, app) is { } rolling)
        {
            if (target is null || !target.Ready)
                throw new ReleaseRefusedException(target?.Refusal ?? $"cannot roll back {app}: its release history is unknown.");
            return new ReleaseEdit($"{app}: roll back to {target.Version} (from {rolling.Version}), the version live before its latest release; Kubernetes rolls it out again",
                [(AppKeys.App(app).Key(AppKeys.Version), target.Version)]);
        }
        Find(config, app);
        if (target is null || !target.Ready)
            throw new ReleaseRefusedException(target?.Refusal ?? $"cannot roll back {app}: its live slot is not blue or green.");
        var edit = MakeIdleLive(config, app, "roll back");
        return edit with { Summary = edit.Summary + $", the version live before {target.Version}'s replacement" };
    }

    /// <summary>
    /// Un-stage: the idle slot gets back the version it held before the first promote since the
    /// app's latest live change (so several promotes in a row are undone at once), which restores
    /// the rollback target.
    /// </summary>
    public static ReleaseEdit Abort(DeliveryConfig config, string stack, string app, ReleaseLedger ledger)
    {
        RefuseRolling(config, app, "abort");
        var (settings, live) = Find(config, app);
        var idle = Slots.Other(live);
        var events = ledger.Of(app).ToList();
        var lastLive = events.FindLastIndex(e => e.ChangesLive);
        var first = events.Skip(lastLive + 1).FirstOrDefault(e => e.Kind == ReleaseEventKind.Promote && e.Slot == Slots.Name(idle));
        var current = Slots.Version(settings, idle);
        if (first is null)
        {
            throw new ReleaseRefusedException(
                $"nothing to abort: no version was staged in {app}'s idle {Slots.Name(idle)} slot since its last live change in {stack}" +
                (current.Length > 0 ? $" (it holds {current})." : "."));
        }
        if (first.From == current)
            return new ReleaseEdit($"{app}: the idle {Slots.Name(idle)} slot already holds {current}, as before {first.To} was staged; nothing to change", []);
        // The canary's share would go to the restored version, which no one is looking at (ReleaseGuard, I3).
        var canary = settings.CanaryWeight > 0 ? $"; the {Weight(settings)}% canary ends" : "";
        return new ReleaseEdit(
            $"{app}: un-stage {current} from the idle {Slots.Name(idle)} slot, back to {(first.From.Length == 0 ? "no version" : first.From)} (as before the promote of {RollbackTarget.When(first.Time)}){canary}",
            [(AppKeys.App(app).Key(AppKeys.Of(idle)), first.From), .. EndCanary(settings, app)]);
    }

    private static ReleaseEdit MakeIdleLive(DeliveryConfig config, string app, string verb)
    {
        var (settings, live) = Find(config, app);
        var idle = Slots.Other(live);
        var version = Slots.Version(settings, idle);
        if (version.Length == 0)
            throw new ReleaseRefusedException($"cannot {verb} {app}: the {Slots.Name(idle)} slot has no version.");
        if (AppsReplicas(settings, idle) == 0)
        {
            throw new ReleaseRefusedException(
                $"cannot {verb} {app}: the {Slots.Name(idle)} slot is scaled to 0 replicas; first run pulumi config rm --path delivery-platform:apps.{app}.idleReplicas and deploy.");
        }
        var canary = settings.CanaryWeight > 0 ? $", ending the {Weight(settings)}% canary" : "";
        return new ReleaseEdit($"{app}: {verb} to {Slots.Name(idle)} ({version}) from {Slots.Name(live)} ({Slots.Version(settings, live)}){canary}",
            [(AppKeys.App(app).Key(AppKeys.Live), Slots.Name(idle)), .. EndCanary(settings, app)]);
    }

    /// <summary>The edit that ends a running canary (none without one): promote, abort, switch and rollback all take it.</summary>
    private static (ConfigPath, string)[] EndCanary(AppConfig settings, string app) =>
        settings.CanaryWeight > 0 ? [(AppKeys.App(app).Key(AppKeys.CanaryWeight), "0")] : [];

    private static string Weight(AppConfig settings) => settings.CanaryWeight.ToString(CultureInfo.InvariantCulture);

    private static int AppsReplicas(AppConfig app, Slot idle) => app.IdleSlotReplicas;

    /// <summary>The app's settings if it is a rolling app; null for a blue/green one; refused for no such app.</summary>
    private static AppConfig? FindRolling(DeliveryConfig config, string app)
    {
        var settings = Settings(config, app);
        return Strategies.IsRolling(settings) ? settings : null;
    }

    /// <summary>Canary, switch and abort work on an idle slot, which a rolling app has not: one sentence, with what to do instead.</summary>
    private static void RefuseRolling(DeliveryConfig config, string app, string step)
    {
        if (FindRolling(config, app) is null)
            return;
        var instead = step == "abort"
            ? $"nothing is staged apart from what runs: to go back, run `deliver rollback {app}`, or `deliver promote {app} <version>`"
            : $"release with `deliver promote {app} <version>`, which goes live as it rolls out (for a canary, make it blue/green: pulumi config set --path delivery-platform:apps.{app}.strategy blueGreen)";
        throw new ReleaseRefusedException($"cannot {step} {app}: it is a rolling app, with one Deployment and no idle slot; {instead}.");
    }

    private static AppConfig Settings(DeliveryConfig config, string app)
    {
        if (!config.Apps.TryGetValue(app, out var settings))
        {
            var suggestion = Suggestions.Closest(app, config.Apps.Keys);
            throw new ReleaseRefusedException($"there is no app \"{app}\" in this stack{(suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")}");
        }
        return settings;
    }

    private static (AppConfig App, Slot Live) Find(DeliveryConfig config, string app)
    {
        var settings = Settings(config, app);
        return (settings, Slots.Parse(settings.Live) ?? throw new ReleaseRefusedException($"{app}'s live slot \"{settings.Live}\" is not blue or green."));
    }
}

/// <summary>A release step that cannot be taken; its message says why, in one line.</summary>
public sealed class ReleaseRefusedException(string message) : Exception(message);
