using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

/// <summary>A release step as config edits: each a key and its new value.</summary>
public sealed record ReleaseEdit(string Summary, IReadOnlyList<(ConfigPath Path, string Value)> Changes);

/// <summary>
/// The three release steps as pure config edits: promote stages a version in the idle slot;
/// switch makes the idle slot live; rollback makes the previous slot live again. A switch or
/// rollback also ends a running canary, whose weight would otherwise point at the old slot.
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
