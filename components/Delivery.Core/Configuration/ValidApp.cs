using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Configuration;

/// <summary>
/// An app of a <see cref="ValidStack"/>, with the values its renderers branch on parsed once: the
/// strategy, the slot that takes traffic (<see cref="Slot.Rolling"/> for a rolling app), the log
/// alerts' window in minutes (null while log alerts are off) and each slot's version.
/// </summary>
/// <param name="Versions">The version of each of the app's slots (blue and green, or its rolling one); empty text for none.</param>
public sealed record ValidApp(string Name, AppConfig Config, AppStrategy Strategy, Slot Live, int? LogAlertWindowMinutes, IReadOnlyDictionary<Slot, ImageVersion> Versions)
{
    public bool IsRolling => Strategy == AppStrategy.Rolling;

    /// <summary>The version in <paramref name="slot"/>, one of the app's own slots.</summary>
    public ImageVersion VersionIn(Slot slot) => Versions[slot];

    /// <summary>
    /// The app's typed view, or null with a problem for each value that does not parse. The rules
    /// refuse every such value first, so a stack without errors always has one.
    /// </summary>
    internal static ValidApp? Of(string name, AppConfig app, List<ConfigProblem> unreadable)
    {
        var path = AppKeys.App(name);
        var strategy = Strategies.Parse(app.Strategy);
        if (strategy is null)
            unreadable.Add(Unreadable(path.Key(AppKeys.Strategy), app.Strategy));
        var live = strategy == AppStrategy.Rolling ? Slot.Rolling : Slots.Parse(app.Live);
        if (strategy == AppStrategy.BlueGreen && live is null)
            unreadable.Add(Unreadable(path.Key(AppKeys.Live), app.Live));
        var window = app.LogAlerts.Enabled ? LogWindows.Minutes(app.LogAlerts.Window) : null;
        if (app.LogAlerts.Enabled && window is null)
            unreadable.Add(Unreadable(path.Key("logAlerts").Key("window"), app.LogAlerts.Window));
        if (strategy is not { } known || live is not { } slot || (window is null && app.LogAlerts.Enabled))
            return null;
        Slot[] slots = known == AppStrategy.Rolling ? [Slot.Rolling] : [Slot.Blue, Slot.Green];
        return new ValidApp(name, app, known, slot, window, slots.ToDictionary(s => s, s => ImageVersion.Parse(Slots.Version(app, s))));
    }

    private static ConfigProblem Unreadable(ConfigPath key, string value) =>
        ConfigProblem.Error(key, value, "passed the rules but cannot be read: this is a bug in deliver's rules.",
            "set a value docs/configuration.md lists for this key, and report this message as a bug.");
}
