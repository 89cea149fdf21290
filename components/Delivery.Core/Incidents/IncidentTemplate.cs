using System.Globalization;
using System.Text;
using static Delivery.Core.Incidents.IncidentSections;

namespace Delivery.Core.Incidents;

/// <summary>
/// An incident issue's title and body (a postmortem template filled with what the platform knows),
/// and the comment that records the same incident happening again. The body carries a hidden marker
/// with the incident's key, by which the next report finds the issue instead of opening another.
/// </summary>
public static class IncidentTemplate
{
    /// <summary>The hidden line that names the incident in its issue's body (an HTML comment: not rendered).</summary>
    public static string Marker(IncidentReport report) => $"<!-- deliver-incident {report.Key} -->";

    /// <summary>The issue this incident files: marker, title, body and the comment when it happens again.</summary>
    public static IncidentIssue Issue(IncidentReport report) => new(Marker(report), Title(report), Body(report), Comment(report));

    public static string Title(IncidentReport report) => $"Incident: {report.App} {report.Version} in {report.Stack} ({report.ReleaseId})";

    public static string Body(IncidentReport report)
    {
        var body = new StringBuilder();
        body.AppendLine(Marker(report));
        body.AppendLine($"## {Title(report)}");
        body.AppendLine();
        body.AppendLine($"**What happened:** {report.Cause}");
        body.AppendLine();
        body.AppendLine("| | |");
        body.AppendLine("| --- | --- |");
        body.AppendLine($"| stack | {report.Stack} |");
        body.AppendLine($"| app | {report.App} |");
        body.AppendLine($"| version | {report.Version} |");
        body.AppendLine($"| release id | `{report.ReleaseId}` |");
        body.AppendLine($"| detected | {Time(report.Detected)} |");
        body.AppendLine($"| rolled back | {RolledBack(report)} |");
        body.AppendLine($"| run | {report.RunLink ?? "(not run in CI)"} |");
        body.AppendLine();
        AppendVerdict(body, report);
        IncidentSections.AppendDashboards(body, report.Stack, report.Dashboards);
        IncidentSections.AppendPostmortem(body, "Who noticed what, and for how long (from detected to rolled back above, plus the time before detection).",
            report.RolledBack is { } rolledBack
                ? [$"{Time(report.Detected)}: detected: {report.Cause}", $"{Time(rolledBack)}: rolled back"]
                : [$"{Time(report.Detected)}: detected: {report.Cause}"]);
        return body.ToString();
    }

    /// <summary>The comment on the incident's issue when it happens again.</summary>
    public static string Comment(IncidentReport report)
    {
        var comment = new StringBuilder();
        comment.AppendLine($"**Again** at {Time(report.Detected)}: {report.Cause}");
        comment.AppendLine();
        comment.AppendLine($"Rolled back: {RolledBack(report)}. Run: {report.RunLink ?? "(not run in CI)"}");
        comment.AppendLine();
        AppendVerdict(comment, report);
        return comment.ToString();
    }

    private static void AppendVerdict(StringBuilder text, IncidentReport report)
    {
        text.AppendLine("### Verdict");
        text.AppendLine();
        if (report.Verdict.Count == 0)
        {
            text.AppendLine("No verification judged this release (see the cause above).");
            text.AppendLine();
            return;
        }
        text.AppendLine("| check | PromQL | measured | threshold | verdict |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var check in report.Verdict)
            text.AppendLine($"| {Cell(check.Check)} | `{Cell(check.Query)}` | {Cell(check.Measured)} | {Cell(check.Threshold)} | {Cell(check.Verdict)} |");
        text.AppendLine();
    }

    private static string RolledBack(IncidentReport report) => report.RolledBack is { } rolledBack
        ? string.Create(CultureInfo.InvariantCulture, $"{Time(rolledBack)} ({(rolledBack - report.Detected).TotalSeconds:0.#}s after detection)")
        : "no";
}
