using System.Text;
using Delivery.Core.Model;
using static Delivery.Core.Incidents.IncidentSections;

namespace Delivery.Core.Incidents;

/// <summary>
/// The incident issue of a release the gate refused for firing critical alerts: which alerts fired, for
/// which apps, the release held and the gate's scope, the dashboards, and the postmortem template;
/// the comment when the same alerts hold a release again.
/// </summary>
public static class GateRefusalTemplate
{
    public static IncidentIssue Issue(GateRefusalReport report) =>
        new($"<!-- deliver-incident {report.Key} -->", Title(report), Body(report), Comment(report));

    private static string Title(GateRefusalReport report) =>
        $"Incident: release of {report.Stack} held by critical alert{(report.Alerts.Count == 1 ? "" : "s")} {string.Join(", ", report.Alerts.Select(GateRefusalReport.Name).Distinct())}";

    private static string Body(GateRefusalReport report)
    {
        var body = new StringBuilder();
        body.AppendLine($"<!-- deliver-incident {report.Key} -->");
        body.AppendLine($"## {Title(report)}");
        body.AppendLine();
        body.AppendLine($"**What happened:** deliver gate refused the release of {report.Stack} ({string.Join(", ", report.Apps)}) while critical alerts of this stack fire. Nothing was deployed.");
        body.AppendLine();
        body.AppendLine("| | |");
        body.AppendLine("| --- | --- |");
        body.AppendLine($"| stack | {report.Stack} |");
        body.AppendLine($"| release held | {Cell(string.Join("; ", report.Held))} |");
        body.AppendLine($"| gate scope | {report.GateScope} (release.gateScope: {Scope(report.GateScope)}) |");
        body.AppendLine($"| detected | {Time(report.Detected)} |");
        body.AppendLine($"| run | {report.RunLink ?? "(not run in CI)"} |");
        body.AppendLine();
        AppendAlerts(body, report);
        AppendDashboards(body, report.Stack, report.Dashboards);
        AppendPostmortem(body, "What the alerts say users saw, and for how long; what the held release waited for.",
            [$"{Time(report.Detected)}: the gate refused the release: {string.Join(", ", report.Alerts.Select(GateRefusalReport.Name))} firing"]);
        return body.ToString();
    }

    private static string Comment(GateRefusalReport report)
    {
        var comment = new StringBuilder();
        comment.AppendLine($"**Again** at {Time(report.Detected)}: the gate refused the release of {report.Stack} ({Cell(string.Join("; ", report.Held))}).");
        comment.AppendLine();
        comment.AppendLine($"Run: {report.RunLink ?? "(not run in CI)"}");
        comment.AppendLine();
        AppendAlerts(comment, report);
        return comment.ToString();
    }

    private static void AppendAlerts(StringBuilder text, GateRefusalReport report)
    {
        text.AppendLine("### Firing critical alerts");
        text.AppendLine();
        text.AppendLine("| alert | app | summary | muted |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var alert in report.Alerts)
            text.AppendLine($"| {Cell(alert.Name)} | {Cell(alert.App ?? "platform")} | {Cell(alert.Summary)} | {(alert.Muted.Length == 0 ? "no" : $"{alert.Muted} (hidden from receivers, not from the gate)")} |");
        text.AppendLine();
        if (report.OtherReasons.Count == 0)
            return;
        text.AppendLine("The gate also refused for:");
        text.AppendLine();
        foreach (var reason in report.OtherReasons)
            text.AppendLine($"- {reason}");
        text.AppendLine();
    }

    private static string Scope(string scope) => scope == GateScopes.Stack
        ? "every app's alerts and the platform's count"
        : "the released apps' alerts and the platform's count";
}
