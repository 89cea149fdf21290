using Delivery.Core.Monitoring;

namespace Delivery.Core.Incidents;

/// <summary>
/// A release the gate held because critical alerts of the stack fire: the stack, what the release
/// would have changed (the gate's change lines) and for which apps, the gate's scope, the alerts
/// that counted and the other reasons it gave, when, and where to look.
/// </summary>
public sealed record GateRefusalReport(
    string Stack,
    IReadOnlyList<string> Held,
    IReadOnlyList<string> Apps,
    string GateScope,
    IReadOnlyList<FiringAlert> Alerts,
    IReadOnlyList<string> OtherReasons,
    DateTimeOffset Detected,
    string? RunLink,
    IReadOnlyList<(string Name, string Url)> Dashboards)
{
    /// <summary>
    /// The incident's identity: the stack and the alerts that hold it (name and app), so the same
    /// alerts holding the next push, or the same push again, update one issue, and a new alert opens another.
    /// </summary>
    public string Key => $"stack={Stack} held-by={string.Join(',', Alerts.Select(Name).Distinct().Order(StringComparer.Ordinal))}";

    /// <summary>An alert as the incident names it: its alertname and its app, or "platform" without an app label.</summary>
    public static string Name(FiringAlert alert) => $"{alert.Name}({alert.App ?? "platform"})";
}
