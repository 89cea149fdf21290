using System.Globalization;
using System.Text;

namespace Delivery.Core.Incidents;

/// <summary>The parts every incident issue shares: its dashboard links, the postmortem template, times and table cells.</summary>
internal static class IncidentSections
{
    public static void AppendDashboards(StringBuilder body, string stack, IReadOnlyList<(string Name, string Url)> dashboards)
    {
        body.AppendLine("### Dashboards");
        body.AppendLine();
        if (dashboards.Count == 0)
            body.AppendLine($"No Grafana host is set for {stack} (monitoring.grafanaHost), so there are no links.");
        foreach (var (name, url) in dashboards)
            body.AppendLine($"- [{name}]({url})");
        body.AppendLine();
    }

    /// <summary>The blameless postmortem to fill in, its timeline started with what the platform knows.</summary>
    public static void AppendPostmortem(StringBuilder body, string impact, IEnumerable<string> timeline)
    {
        body.AppendLine("## Postmortem");
        body.AppendLine();
        body.AppendLine("Blameless: what happened, why, and what changes so it does not happen again.");
        body.AppendLine();
        body.AppendLine("### Impact");
        body.AppendLine();
        body.AppendLine($"_{impact}_");
        body.AppendLine();
        body.AppendLine("### Timeline (UTC)");
        body.AppendLine();
        foreach (var line in timeline)
            body.AppendLine($"- {line}");
        body.AppendLine();
        body.AppendLine("### Root cause");
        body.AppendLine();
        body.AppendLine("_Why the release behaved so, and why no earlier check caught it._");
        body.AppendLine();
        body.AppendLine("### Action items");
        body.AppendLine();
        body.AppendLine("- [ ] _one issue per change, linked here, for the next planning_");
    }

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A markdown table cell: a pipe would end it, a line break would end the row.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
