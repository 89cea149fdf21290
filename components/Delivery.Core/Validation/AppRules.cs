using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>
/// Each app's rules common to both strategies: name, image, strategy, sizing, identity and networking;
/// the strategy's own keys are checked by <see cref="BlueGreenAppRules"/> or <see cref="RollingAppRules"/>.
/// </summary>
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
        return Strategies.IsRolling(app) ? RollingAppRules.Check(path, app, context) : BlueGreenAppRules.Check(path, app, context);
    }

    private static IEnumerable<ConfigProblem> Sizing(ConfigPath path, AppConfig app, ValidationContext context)
    {
        var replicas = path.Key(AppKeys.Replicas);
        var minimum = context.Profile?.MinimumAppReplicas ?? 1;
        if (app.Replicas < minimum)
        {
            yield return ConfigProblem.Error(replicas, Number(app.Replicas),
                context.Profile is { MinimumAppReplicas: > 1 } profile
                    ? $"must be at least {minimum} in {profile.Name}, so that one pod can fail or be evicted without an outage."
                    : "must be at least 1.",
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

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Suggest(string name)
    {
        var cleaned = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        cleaned = cleaned.TrimStart("0123456789-".ToCharArray());
        cleaned = cleaned.Length == 0 ? "app" : cleaned;
        return cleaned.Length > Names.MaxAppName ? cleaned[..Names.MaxAppName].TrimEnd('-') : cleaned;
    }
}
