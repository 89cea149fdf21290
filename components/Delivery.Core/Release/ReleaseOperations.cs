using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

/// <summary>A release step as config edits: each a key and its new value.</summary>
public sealed record ReleaseEdit(string Summary, IReadOnlyList<(ConfigPath Path, string Value)> Changes);

/// <summary>
/// The release steps as pure config edits: promote stages a version in the idle slot; canary
/// sends a share of the host's traffic to it; switch makes the idle slot live; rollback makes the
/// previous slot live again. A switch or rollback also ends a running canary, whose weight would
/// otherwise point at the old slot.
/// </summary>
public static class ReleaseOperations
{
    public static ReleaseEdit Promote(DeliveryConfig config, string app, string version)
    {
        var (settings, live) = Find(config, app);
        var idle = Slots.Other(live);
        if (Slots.Version(settings, live) == version)
            throw new ReleaseRefusedException($"{app} {version} is already live in the {Slots.Name(live)} slot.");
        if (Slots.Version(settings, idle) == version)
            return new ReleaseEdit($"{app}: {version} is already staged in the idle {Slots.Name(idle)} slot; nothing to change", []);
        return new ReleaseEdit(
            $"{app}: stage {version} in the idle {Slots.Name(idle)} slot (was \"{Slots.Version(settings, idle)}\"); {Slots.Name(live)} stays live",
            [(AppPath(app).Key(Slots.Name(idle)), version)]);
    }

    /// <summary>Send <paramref name="weight"/> percent of the host's traffic to the idle slot; 0 ends the canary.</summary>
    public static ReleaseEdit Canary(DeliveryConfig config, string app, int weight)
    {
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
        return new ReleaseEdit(summary, [(AppPath(app).Key("canaryWeight"), text)]);
    }

    public static ReleaseEdit Switch(DeliveryConfig config, string app) => MakeIdleLive(config, app, "switch");

    public static ReleaseEdit Rollback(DeliveryConfig config, string app) => MakeIdleLive(config, app, "roll back");

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
        var changes = new List<(ConfigPath, string)> { (AppPath(app).Key("live"), Slots.Name(idle)) };
        if (settings.CanaryWeight > 0)
            changes.Add((AppPath(app).Key("canaryWeight"), "0"));
        var canary = settings.CanaryWeight > 0 ? $", ending the {settings.CanaryWeight.ToString(CultureInfo.InvariantCulture)}% canary" : "";
        return new ReleaseEdit($"{app}: {verb} to {Slots.Name(idle)} ({version}) from {Slots.Name(live)} ({Slots.Version(settings, live)}){canary}", changes);
    }

    private static int AppsReplicas(AppConfig app, Slot idle) => app.IdleReplicas ?? app.Replicas;

    private static (AppConfig App, Slot Live) Find(DeliveryConfig config, string app)
    {
        if (!config.Apps.TryGetValue(app, out var settings))
        {
            var suggestion = Suggestions.Closest(app, config.Apps.Keys);
            throw new ReleaseRefusedException($"there is no app \"{app}\" in this stack{(suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")}");
        }
        return (settings, Slots.Parse(settings.Live) ?? throw new ReleaseRefusedException($"{app}'s live slot \"{settings.Live}\" is not blue or green."));
    }

    private static ConfigPath AppPath(string app) => ConfigPath.Root("apps").Key(app);
}

/// <summary>A release step that cannot be taken; its message says why, in one line.</summary>
public sealed class ReleaseRefusedException(string message) : Exception(message);
