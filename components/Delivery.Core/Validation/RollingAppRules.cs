using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>A rolling app: its version, no slot keys, and a rollout that can make progress.</summary>
internal static class RollingAppRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath path, AppConfig app, ValidationContext context)
    {
        var version = path.Key(AppKeys.Version);
        if (app.Version.Length == 0)
        {
            yield return ConfigProblem.Error(version, null, "a rolling app runs one version, and none is set.",
                $"pulumi config set --path {version} <version>.");
        }
        else if (VersionRules.Check(version, app.Version, context) is { } problem)
        {
            yield return problem;
        }
        var slotKeys = new (string Key, string? Value)[]
        {
            (AppKeys.Blue, app.Blue.Length > 0 ? app.Blue : null),
            (AppKeys.Green, app.Green.Length > 0 ? app.Green : null),
            (AppKeys.Live, app.Live.Length > 0 ? app.Live : null),
            (AppKeys.CanaryWeight, app.CanaryWeight != 0 ? AppRules.Number(app.CanaryWeight) : null),
            (AppKeys.IdleReplicas, app.IdleReplicas is { } idle ? AppRules.Number(idle) : null),
        };
        foreach (var (key, value) in slotKeys.Where(k => k.Value is not null))
        {
            var move = key is "blue" or "green" && app.Version.Length == 0 ? $" (its version goes in {version})" : "";
            yield return ConfigProblem.Error(path.Key(key), value,
                $"is a blueGreen setting; a rolling app has one Deployment, no slots, no idle slot and no canary.",
                $"pulumi config rm --path {path.Key(key)}{move}, or keep the app blue/green: pulumi config set --path {path.Key(AppKeys.Strategy)} {Strategies.BlueGreen}.");
        }
        var surge = Strategies.ParseIntOrPercent(Strategies.MaxSurge(app));
        var unavailable = Strategies.ParseIntOrPercent(Strategies.MaxUnavailable(app));
        var rolling = path.Key("rolling");
        foreach (var (key, text, parsed) in new[] { ("maxSurge", Strategies.MaxSurge(app), surge), ("maxUnavailable", Strategies.MaxUnavailable(app), unavailable) })
        {
            var why = key == "maxSurge"
                ? "the extra pods a rollout may start"
                : "the pods a rollout may take out of service";
            if (parsed is null)
            {
                yield return ConfigProblem.Error(rolling.Key(key), text, $"is {why}: a pod count (1) or a percentage of replicas (25%).",
                    $"pulumi config set --path {rolling.Key(key)} {(key == "maxSurge" ? Strategies.DefaultMaxSurge : Strategies.DefaultMaxUnavailable)}.");
            }
            else if (parsed.Value.Percent && parsed.Value.Value > 100)
            {
                yield return ConfigProblem.Error(rolling.Key(key), text,
                    key == "maxSurge" ? "is more than 100%: the apps quota holds a rolling app's replicas twice at most." : "is more than 100% of the replicas.",
                    $"pulumi config set --path {rolling.Key(key)} <0–100>%.");
            }
            else if (!parsed.Value.Percent && Bounds.Above(rolling.Key(key), parsed.Value.Value, Bounds.Replicas, 0, Bounds.ReplicasWhy(key)) is { } tooMany)
            {
                yield return tooMany;
            }
        }
        if (surge is { Value: 0 } && unavailable is { Value: 0 })
        {
            yield return ConfigProblem.Error(rolling.Key("maxUnavailable"), Strategies.MaxUnavailable(app),
                $"is 0, and so is {rolling.Key("maxSurge")}: a rollout could neither start a new pod nor stop an old one (Kubernetes refuses the Deployment).",
                $"pulumi config set --path {rolling.Key("maxSurge")} 1 (or remove both for {Strategies.DefaultMaxSurge} / {Strategies.DefaultMaxUnavailable}).");
        }
    }
}
