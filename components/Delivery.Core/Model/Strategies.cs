using System.Globalization;

namespace Delivery.Core.Model;

/// <summary>
/// An app's deployment strategy: <c>blueGreen</c> (two slots behind a live Service, the default) or
/// <c>rolling</c> (one Deployment <c>&lt;app&gt;</c>, updated in place by Kubernetes).
/// </summary>
public static class Strategies
{
    public const string BlueGreen = "blueGreen";
    public const string Rolling = "rolling";

    public static readonly IReadOnlyList<string> All = [BlueGreen, Rolling];

    /// <summary>
    /// 25% surge and none unavailable: a rollout never drops below the app's replicas (the prod
    /// budget's one eviction stays the only loss), and adds a quarter more pods at a time (at least one).
    /// </summary>
    public const string DefaultMaxSurge = "25%";

    public const string DefaultMaxUnavailable = "0";

    public static bool IsRolling(AppConfig app) => app.Strategy == Rolling;

    /// <summary>The strategy <paramref name="text"/> names, or null for none.</summary>
    public static AppStrategy? Parse(string text) => text switch
    {
        BlueGreen => AppStrategy.BlueGreen,
        Rolling => AppStrategy.Rolling,
        _ => null,
    };

    /// <summary>The slots that can hold a Deployment: blue and green, or the rolling app's one.</summary>
    public static IReadOnlyList<Slot> SlotsOf(AppConfig app) => IsRolling(app) ? [Slot.Rolling] : [Slot.Blue, Slot.Green];

    /// <summary>The version that takes traffic: a rolling app's version, or the live slot's; "" if live is not a slot.</summary>
    public static string LiveVersion(AppConfig app) =>
        app.LiveSlot is { } live ? Slots.Version(app, live) : "";

    public static string MaxSurge(AppConfig app) => app.Rolling.MaxSurge.Length == 0 ? DefaultMaxSurge : app.Rolling.MaxSurge;

    public static string MaxUnavailable(AppConfig app) => app.Rolling.MaxUnavailable.Length == 0 ? DefaultMaxUnavailable : app.Rolling.MaxUnavailable;

    /// <summary>A pod count (<c>1</c>) or a whole percentage (<c>25%</c>), as Kubernetes' IntOrString takes it; null for anything else.</summary>
    public static (int Value, bool Percent)? ParseIntOrPercent(string text)
    {
        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? (value, percent) : null;
    }

    /// <summary>The value as the Deployment takes it: an int for a count, the string for a percentage.</summary>
    public static object IntOrPercent(string text) =>
        ParseIntOrPercent(text) is { Percent: false } count ? count.Value : text;

    /// <summary>The extra pods a rollout may start over <paramref name="replicas"/> (a percentage rounds up, as Kubernetes does for maxSurge).</summary>
    public static long SurgePods(AppConfig app, long replicas) =>
        ParseIntOrPercent(MaxSurge(app)) switch
        {
            { Percent: true } p => (long)Math.Ceiling(replicas * p.Value / 100.0),
            { } count => count.Value,
            null => replicas,
        };
}
