using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// A stack whose config has no errors: its name, its config, its tier's profile and the typed views
/// of its apps. The loader makes one only after every rule passed (<c>LoadedConfig.Stack</c>), so
/// every renderer takes this one argument and needs no check of its own.
/// </summary>
public sealed class ValidStack
{
    private ValidStack(string name, DeliveryConfig config, TierProfile profile, IReadOnlyDictionary<string, ValidApp> apps)
    {
        Name = name;
        Config = config;
        Profile = profile;
        Apps = apps;
    }

    public string Name { get; }

    public DeliveryConfig Config { get; }

    /// <summary>What the stack's tier decides (<see cref="TierProfile"/>).</summary>
    public TierProfile Profile { get; }

    public Tier Tier => Profile.Tier;

    /// <summary>Every app by name, typed (<see cref="ValidApp"/>).</summary>
    public IReadOnlyDictionary<string, ValidApp> Apps { get; }

    /// <summary>
    /// The stack's typed view, or null with a problem for each value that does not parse (which the
    /// rules refuse first: a stack without errors always has one).
    /// </summary>
    public static ValidStack? Of(string name, DeliveryConfig config, TierProfile profile, List<ConfigProblem> unreadable)
    {
        var apps = new SortedDictionary<string, ValidApp>(StringComparer.Ordinal);
        var complete = true;
        foreach (var (appName, app) in config.Apps)
        {
            if (ValidApp.Of(appName, app, unreadable) is { } valid)
                apps[appName] = valid;
            else
                complete = false;
        }
        return complete ? new ValidStack(name, config, profile, apps) : null;
    }
}
