using Delivery.Core.Release;

namespace Delivery.Core.Incidents;

/// <summary>
/// What the platform knows of one incident: the release (stack, app, version, release id), why it
/// was judged bad, the verdict table that judged it (if a verification did), when it was detected
/// and rolled back, and where to look (the CI run, Grafana's dashboards).
/// </summary>
public sealed record IncidentReport(
    string Stack,
    string App,
    string Version,
    string ReleaseId,
    string Cause,
    IReadOnlyList<VerifyCheck> Verdict,
    DateTimeOffset Detected,
    DateTimeOffset? RolledBack,
    string? RunLink,
    IReadOnlyList<(string Name, string Url)> Dashboards)
{
    /// <summary>The incident's identity: the same stack, app and release id is the same incident.</summary>
    public string Key => $"stack={Stack} app={App} release={ReleaseId}";
}
