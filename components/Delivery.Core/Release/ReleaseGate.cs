using System.Globalization;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Release;

/// <summary>An app whose error budget burns over its fast-burn threshold now, with the 1h failed ratio.</summary>
public sealed record BudgetBurn(string App, double ErrorRatio, double Threshold, string Query);

/// <param name="OutOfScope">What fires or burns for apps this release does not touch, not counted under <c>release.gateScope: app</c>.</param>
/// <param name="Firing">The critical alerts among the reasons (in scope): a refusal for one of them is an incident.</param>
public sealed record GateVerdict(bool Passes, IReadOnlyList<string> Reasons, IReadOnlyList<string> OutOfScope, IReadOnlyList<FiringAlert> Firing);

/// <summary>
/// The release gate: a release (a change of versions, live slots or canary weights that is not a
/// rollback) is refused while a critical alert of this stack's apps or platform fires (silenced or
/// inhibited too), while an app's error budget burns over its fast-burn threshold, or while the
/// always-firing Watchdog alert is absent: then the alert pipeline is dead and "nothing firing" means
/// nothing. Under <c>release.gateScope: app</c> (the default) another app's alert or budget does not
/// refuse a release, and is reported. A rollback always passes: it is how a bad day ends, and must
/// never wait on the alerts it answers.
/// </summary>
public static class ReleaseGate
{
    public const string SeverityLabel = "severity";

    /// <summary>kube-prometheus-stack's alert that always fires while Prometheus evaluates rules and Alertmanager receives them.</summary>
    public const string WatchdogAlert = "Watchdog";

    /// <summary>The critical alerts that hold this stack's releases back: its apps' (by the <c>app</c> label our rules set) and the platform's (no <c>app</c> label).</summary>
    public static IReadOnlyList<FiringAlert> Blocking(DeliveryConfig config, IEnumerable<FiringAlert> firing) =>
        [.. firing.Where(alert => alert.Labels.GetValueOrDefault(SeverityLabel) == AlertSeverity.Critical
                && (alert.App is not { } app || config.Apps.ContainsKey(app)))
            .OrderBy(alert => alert.Name, StringComparer.Ordinal)];

    /// <summary>The fast-burn query of each app, from the same definition as its alert rule.</summary>
    public static IReadOnlyList<(string App, string Query, double Threshold)> BurnQueries(DeliveryConfig config) =>
        [.. config.Apps.Keys.Order(StringComparer.Ordinal).Select(app =>
        {
            var target = Slo.For(config, app).ErrorRateTarget;
            return (app, AppQueries.FastBurn(new AppSeries(app).Requests, target), AppQueries.FastBurnFactor * target);
        })];

    public static GateVerdict Judge(DeliveryConfig config, ReleaseChange change, IReadOnlyList<FiringAlert> firing, IReadOnlyList<BudgetBurn> burning)
    {
        if (change.Kind != ReleaseChangeKind.Release)
            return new GateVerdict(true, [], [], []);
        var reasons = new List<string>();
        var outOfScope = new List<string>();
        var counted = new List<FiringAlert>();
        bool InScope(string? app) => app is null || config.Release.GateScope == GateScopes.Stack || change.Apps.Contains(app, StringComparer.Ordinal);
        if (!firing.Any(alert => alert.Name == WatchdogAlert))
            reasons.Add($"the alert pipeline is dead: no {WatchdogAlert} alert in Alertmanager (kube-prometheus-stack's always-firing alert), so no firing alert proves nothing is wrong; bring Prometheus' rules and its Alertmanager delivery back first");
        foreach (var alert in Blocking(config, firing))
        {
            var app = alert.App;
            (InScope(app) ? reasons : outOfScope).Add(Reason(alert));
            if (InScope(app))
                counted.Add(alert);
        }
        foreach (var burn in burning)
            (InScope(burn.App) ? reasons : outOfScope).Add($"{burn.App} is burning its error budget fast: {Percent(burn.ErrorRatio)} of requests failed over the last hour (threshold {Percent(burn.Threshold)})");
        return new GateVerdict(reasons.Count == 0, reasons, outOfScope, counted);
    }

    /// <summary>How the gate names a firing critical alert among its reasons.</summary>
    public static string Reason(FiringAlert alert)
    {
        var muted = alert.Muted.Length == 0 ? "" : $" ({alert.Muted}: hidden from receivers, not from the gate)";
        return $"critical alert {alert.Name} ({alert.App ?? "platform"}) is firing{muted}: {(alert.Summary.Length == 0 ? "no summary" : alert.Summary)}";
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
