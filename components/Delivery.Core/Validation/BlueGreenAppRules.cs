using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>A blue/green app's own keys: the slots' versions, the live slot and the canary, and none of a rolling app's keys.</summary>
internal static class BlueGreenAppRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath path, AppConfig app, ValidationContext context) =>
        NoRollingKeys(path, app).Concat(SlotsAndCanary(path, app, context));

    /// <summary>A blue/green app takes its versions in its slots: version and rolling.* are a rolling app's.</summary>
    private static IEnumerable<ConfigProblem> NoRollingKeys(ConfigPath path, AppConfig app)
    {
        var strategy = path.Key(AppKeys.Strategy);
        if (app.Version.Length > 0)
        {
            yield return ConfigProblem.Error(path.Key(AppKeys.Version), app.Version, "is a rolling app's version; a blueGreen app runs the versions of its blue and green slots.",
                $"pulumi config rm --path {path.Key(AppKeys.Version)} and set the slot instead (deliver promote), or make the app rolling: pulumi config set --path {strategy} {Strategies.Rolling}.");
        }
        foreach (var (key, value) in RollingKeys(path, app))
        {
            yield return ConfigProblem.Error(key, value, "only a rolling app's Deployment takes rolling settings; a blueGreen app's slots roll one pod at a time.",
                $"pulumi config rm --path {key}, or make the app rolling: pulumi config set --path {strategy} {Strategies.Rolling}.");
        }
    }

    private static IEnumerable<(ConfigPath Key, string Value)> RollingKeys(ConfigPath path, AppConfig app)
    {
        var rolling = path.Key("rolling");
        if (app.Rolling.MaxSurge.Length > 0)
            yield return (rolling.Key("maxSurge"), app.Rolling.MaxSurge);
        if (app.Rolling.MaxUnavailable.Length > 0)
            yield return (rolling.Key("maxUnavailable"), app.Rolling.MaxUnavailable);
    }

    private static IEnumerable<ConfigProblem> SlotsAndCanary(ConfigPath path, AppConfig app, ValidationContext context)
    {
        foreach (var (slot, version) in new[] { (Slot.Blue, app.Blue), (Slot.Green, app.Green) })
        {
            if (version.Length > 0 && VersionRules.Check(path.Key(Slots.Name(slot)), version, context) is { } problem)
                yield return problem;
        }

        var live = path.Key(AppKeys.Live);
        var liveSlot = Slots.Parse(app.Live);
        if (liveSlot is null)
        {
            var suggestion = app.Live.Length == 0 ? null : Suggestions.Closest(app.Live, ["blue", "green"]);
            yield return ConfigProblem.Error(live, app.Live.Length == 0 ? null : app.Live, "must be blue or green: the slot that takes traffic.",
                suggestion is null ? $"pulumi config set --path {live} <blue|green>." : $"did you mean \"{suggestion}\"? pulumi config set --path {live} {suggestion}.");
            yield break;
        }
        if (Slots.Version(app, liveSlot.Value).Length == 0)
        {
            yield return ConfigProblem.Error(live, app.Live, $"the live slot {app.Live} has no version, so the app would serve nothing.",
                $"set its version first (pulumi config set --path {path.Key(app.Live)} <version>), or make the other slot live.");
        }

        var canary = path.Key(AppKeys.CanaryWeight);
        if (app.CanaryWeight is < 0 or > 100)
        {
            yield return ConfigProblem.Error(canary, AppRules.Number(app.CanaryWeight), "is the percent of traffic for the idle slot and must be 0–100.",
                $"pulumi config set --path {canary} <0–100>.");
        }
        else if (app.CanaryWeight > 0)
        {
            var idle = Slots.Other(liveSlot.Value);
            if (Slots.Version(app, idle).Length == 0)
            {
                yield return ConfigProblem.Error(canary, AppRules.Number(app.CanaryWeight), $"a canary sends traffic to the idle slot ({Slots.Name(idle)}), which has no version.",
                    $"stage a version first (pulumi config set --path {path.Key(Slots.Name(idle))} <version>), or set {canary} 0.");
            }
            if (app.Host.Length == 0)
            {
                yield return ConfigProblem.Error(canary, AppRules.Number(app.CanaryWeight), "a canary splits traffic on the app's HTTPRoute, and the app has no host.",
                    $"pulumi config set --path {path.Key("host")} <host>, or set {canary} 0.");
            }
            if (app.IdleReplicas == 0)
            {
                yield return ConfigProblem.Error(canary, AppRules.Number(app.CanaryWeight), "a canary sends traffic to the idle slot, which is scaled to 0 replicas.",
                    $"pulumi config rm --path {path.Key(AppKeys.IdleReplicas)} (full replicas), or set {canary} 0.");
            }
        }
    }
}
