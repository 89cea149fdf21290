using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>Each app: name, image, strategy, slot versions (or a rolling app's version), live slot, sizing, networking and canary.</summary>
internal static class AppRules
{
    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config, ValidationContext context)
    {
        var apps = ConfigPath.Root("apps");
        var names = new HashSet<string>(config.Apps.Keys, StringComparer.Ordinal);
        foreach (var (name, app) in config.Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var path = apps.Key(name);
            foreach (var problem in Name(path, name, names)
                         .Concat(Image(path, app))
                         .Concat(AppBuildRules.Check(path, app, config, context))
                         .Concat(Strategy(path, app, context))
                         .Concat(Sizing(path, app, context))
                         .Concat(Identity(path, app))
                         .Concat(Networking(path, name, app, names))
                         .Concat(EgressRules.Check(path.Key("egress"), app.Egress, config.Cluster.Networks))
                         .Concat(AppSecretEnvRules.Check(path, app, context))
                         .Concat(ResourceRules.Check(path.Key("resources"), app.Resources))
                         .Concat(SloRules.Check(path.Key("slo"), app.Slo))
                         .Concat(LogAlertsRules.Check(path.Key("logAlerts"), app.LogAlerts))
                         .Concat(VerifyRules.Check(path.Key("verify"), app.Verify)))
                yield return problem;
        }
    }

    private static IEnumerable<ConfigProblem> Name(ConfigPath path, string name, HashSet<string> appNames)
    {
        foreach (var slot in new[] { Slot.Blue, Slot.Green })
        {
            var suffix = "-" + SlotKey(slot);
            var owner = name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;
            if (owner is not null && appNames.Contains(owner))
            {
                yield return ConfigProblem.Error(path, name,
                    $"is the name of the Service and Deployment of app {owner}'s {SlotKey(slot)} slot ({name}); two objects of one kind cannot share a name.",
                    $"rename one of the two apps: move the keys of {path} under a name that is not <app>-blue or <app>-green of another app.");
            }
        }
        if (!Names.IsDns1035Label(name) || name.Length > Names.MaxAppName)
        {
            yield return ConfigProblem.Error(path, name,
                $"an app name must be a DNS-1035 label of at most {Names.MaxAppName} characters (lower case letters, digits and '-', starting with a letter), since it names Services and Deployments such as <name>-green.",
                $"rename the app, e.g. to \"{Suggest(name)}\": move its keys under apps.{Suggest(name)}.");
        }
    }

    private static IEnumerable<ConfigProblem> Image(ConfigPath path, AppConfig app)
    {
        var image = path.Key("image");
        if (app.Image.Contains(':', StringComparison.Ordinal) || app.Image.Contains('@', StringComparison.Ordinal))
        {
            var versionKey = Strategies.IsRolling(app) ? path.Key(AppKeys.Version) : path.Key(AppKeys.Green);
            yield return ConfigProblem.Error(image, app.Image, Strategies.IsRolling(app) ? "names a tag or digest; the version belongs in version." : "names a tag or digest; versions belong in the blue and green slots.",
                $"pulumi config set --path {image} <repository without tag>, and set the version with --path {versionKey}{(Strategies.IsRolling(app) ? "" : " (or blue)")}.");
        }
        else if (!Names.IsImageRepository(app.Image))
        {
            yield return ConfigProblem.Error(image, app.Image.Length == 0 ? null : app.Image,
                "must be the image repository inside the registry, e.g. team/api (lower case, no registry host, no tag).",
                $"pulumi config set --path {image} <team>/<app>.");
        }
    }

    /// <summary>The strategy, then the keys it takes: an unknown strategy stops there, since either set of keys could be meant.</summary>
    private static IEnumerable<ConfigProblem> Strategy(ConfigPath path, AppConfig app, ValidationContext context)
    {
        var strategy = path.Key(AppKeys.Strategy);
        if (!Strategies.All.Contains(app.Strategy))
        {
            var suggestion = Suggestions.Closest(app.Strategy, Strategies.All);
            return [ConfigProblem.Error(strategy, app.Strategy.Length == 0 ? null : app.Strategy,
                $"must be {Strategies.BlueGreen} (two slots and a live Service, the default) or {Strategies.Rolling} (one Deployment updated in place).",
                suggestion is null ? $"pulumi config set --path {strategy} <{Strategies.BlueGreen}|{Strategies.Rolling}>." : $"did you mean \"{suggestion}\"? pulumi config set --path {strategy} {suggestion}.")];
        }
        return Strategies.IsRolling(app) ? Rolling(path, app, context) : BlueGreenOnly(path, app).Concat(SlotsAndCanary(path, app, context));
    }

    /// <summary>A blue/green app takes its versions in its slots: version and rolling.* are a rolling app's.</summary>
    private static IEnumerable<ConfigProblem> BlueGreenOnly(ConfigPath path, AppConfig app)
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

    /// <summary>A rolling app: its version, no slot keys, and a rollout that can make progress.</summary>
    private static IEnumerable<ConfigProblem> Rolling(ConfigPath path, AppConfig app, ValidationContext context)
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
            (AppKeys.CanaryWeight, app.CanaryWeight != 0 ? Number(app.CanaryWeight) : null),
            (AppKeys.IdleReplicas, app.IdleReplicas is { } idle ? Number(idle) : null),
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

    private static IEnumerable<ConfigProblem> SlotsAndCanary(ConfigPath path, AppConfig app, ValidationContext context)
    {
        foreach (var (slot, version) in new[] { (Slot.Blue, app.Blue), (Slot.Green, app.Green) })
        {
            if (version.Length > 0 && VersionRules.Check(path.Key(SlotKey(slot)), version, context) is { } problem)
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
            yield return ConfigProblem.Error(canary, Number(app.CanaryWeight), "is the percent of traffic for the idle slot and must be 0–100.",
                $"pulumi config set --path {canary} <0–100>.");
        }
        else if (app.CanaryWeight > 0)
        {
            var idle = Slots.Other(liveSlot.Value);
            if (Slots.Version(app, idle).Length == 0)
            {
                yield return ConfigProblem.Error(canary, Number(app.CanaryWeight), $"a canary sends traffic to the idle slot ({SlotKey(idle)}), which has no version.",
                    $"stage a version first (pulumi config set --path {path.Key(SlotKey(idle))} <version>), or set {canary} 0.");
            }
            if (app.Host.Length == 0)
            {
                yield return ConfigProblem.Error(canary, Number(app.CanaryWeight), "a canary splits traffic on the app's HTTPRoute, and the app has no host.",
                    $"pulumi config set --path {path.Key("host")} <host>, or set {canary} 0.");
            }
            if (app.IdleReplicas == 0)
            {
                yield return ConfigProblem.Error(canary, Number(app.CanaryWeight), "a canary sends traffic to the idle slot, which is scaled to 0 replicas.",
                    $"pulumi config rm --path {path.Key(AppKeys.IdleReplicas)} (full replicas), or set {canary} 0.");
            }
        }
    }

    private static IEnumerable<ConfigProblem> Sizing(ConfigPath path, AppConfig app, ValidationContext context)
    {
        var replicas = path.Key(AppKeys.Replicas);
        var minimum = context.Profile?.MinimumAppReplicas ?? 1;
        if (app.Replicas < minimum)
        {
            yield return ConfigProblem.Error(replicas, Number(app.Replicas),
                minimum > 1 ? $"must be at least {minimum} in {Tiers.Name(context.Tier!.Value)}, so that one pod can fail or be evicted without an outage." : "must be at least 1.",
                $"pulumi config set --path {replicas} {Math.Max(minimum, context.Profile?.AppReplicas ?? 1)}.");
        }
        if (Bounds.Above(replicas, app.Replicas, Bounds.Replicas, minimum, Bounds.ReplicasWhy("replicas")) is { } tooMany)
            yield return tooMany;
        var idleCeiling = Math.Min(app.Replicas, Bounds.Replicas);
        if (app.IdleReplicas is { } idle && (idle < 0 || idle > idleCeiling))
        {
            yield return ConfigProblem.Error(path.Key(AppKeys.IdleReplicas), Number(idle),
                app.Replicas <= Bounds.Replicas ? $"must be between 0 and replicas ({app.Replicas})." : $"must be between 0 and replicas, at most {Bounds.Replicas}.",
                $"pulumi config set --path {path.Key(AppKeys.IdleReplicas)} 0 (after the rollback window), or remove it for full replicas.");
        }
        var autoscaling = path.Key("autoscaling");
        var maxReplicas = autoscaling.Key("maxReplicas");
        if (app.Autoscaling.MaxReplicas != 0 && app.Autoscaling.MaxReplicas < app.Replicas)
        {
            yield return ConfigProblem.Error(maxReplicas, Number(app.Autoscaling.MaxReplicas),
                $"must be 0 (no autoscaling) or at least replicas ({app.Replicas}).",
                $"pulumi config set --path {maxReplicas} {Math.Min(2L * app.Replicas, Bounds.Replicas)}.");
        }
        if (Bounds.Above(maxReplicas, app.Autoscaling.MaxReplicas, Bounds.Replicas, Math.Clamp(app.Replicas, 1, Bounds.Replicas), Bounds.ReplicasWhy("maxReplicas")) is { } tooHigh)
            yield return tooHigh;
        if (app.Autoscaling.CpuUtilization is < 1 or > 100)
        {
            yield return ConfigProblem.Error(autoscaling.Key("cpuUtilization"), Number(app.Autoscaling.CpuUtilization),
                "is a percent of the CPU request and must be 1–100.", $"pulumi config set --path {autoscaling.Key("cpuUtilization")} 70.");
        }
    }

    /// <summary>Below this, a uid can be a host's or an image's system user (the scanner's no-low-user-id); 0 is root, which Pod Security "restricted" refuses.</summary>
    private const int MinimumRunAsUser = 10000;

    private static IEnumerable<ConfigProblem> Identity(ConfigPath path, AppConfig app)
    {
        if (app.RunAsUser < MinimumRunAsUser)
        {
            yield return ConfigProblem.Error(path.Key("runAsUser"), Number(app.RunAsUser),
                $"must be at least {MinimumRunAsUser}: lower ids are root or the system users of hosts and images.",
                $"pulumi config set --path {path.Key("runAsUser")} 10001, or remove it for the default.");
        }
    }

    private static IEnumerable<ConfigProblem> Networking(ConfigPath path, string name, AppConfig app, HashSet<string> appNames)
    {
        foreach (var problem in PortRules.Check(path.Key("port"), app.Port, "the app's container"))
            yield return problem;
        if (app.MetricsPort != 0)
        {
            foreach (var problem in PortRules.Check(path.Key("metricsPort"), app.MetricsPort, "the app's metrics"))
                yield return problem;
            if (app.MetricsPort == app.Port)
            {
                yield return ConfigProblem.Error(path.Key("metricsPort"), Number(app.MetricsPort), "is the traffic port too; a metrics port of its own must differ, or be left out to serve metrics on port.",
                    $"pulumi config set --path {path.Key("metricsPort")} 9102, or pulumi config rm --path {path.Key("metricsPort")}.");
            }
        }
        if (!app.HealthPath.StartsWith('/') || app.HealthPath.Any(char.IsWhiteSpace))
        {
            yield return ConfigProblem.Error(path.Key("healthPath"), app.HealthPath, "must be an HTTP path starting with '/'.",
                $"pulumi config set --path {path.Key("healthPath")} /healthz.");
        }
        if (app.Host.Length > 0 && (!Names.IsDns1123Subdomain(app.Host) || !app.Host.Contains('.', StringComparison.Ordinal)))
        {
            yield return ConfigProblem.Error(path.Key("host"), app.Host, "must be a fully qualified DNS host name in lower case (no scheme, port or path).",
                $"pulumi config set --path {path.Key("host")} {name}.<your domain>.");
        }
        foreach (var (variable, _) in app.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!Names.IsEnvVarName(variable))
            {
                yield return ConfigProblem.Error(path.Key("env").Key(variable), null, "is not a valid environment variable name.",
                    "use letters, digits, '_', '-' and '.', not starting with a digit.");
            }
        }
        for (var i = 0; i < app.Callers.Count; i++)
        {
            var caller = app.Callers[i];
            if (caller == name || !appNames.Contains(caller))
            {
                var suggestion = Suggestions.Closest(caller, appNames.Where(n => n != name));
                yield return ConfigProblem.Error(path.Key("callers").Index(i), caller,
                    caller == name ? "an app always reaches itself; list only other apps." : "is not an app of this stack.",
                    suggestion is null ? $"remove it from {path.Key("callers")}." : $"did you mean \"{suggestion}\"?");
            }
        }
    }

    private static string SlotKey(Slot slot) => Slots.Name(slot);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Suggest(string name)
    {
        var cleaned = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        cleaned = cleaned.TrimStart("0123456789-".ToCharArray());
        cleaned = cleaned.Length == 0 ? "app" : cleaned;
        return cleaned.Length > Names.MaxAppName ? cleaned[..Names.MaxAppName].TrimEnd('-') : cleaned;
    }
}
