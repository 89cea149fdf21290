using System.Globalization;
using System.Text;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// One app's log alerts as a Loki ruler rule file in a ConfigMap that the Loki chart's rules sidecar
/// (label <c>loki_rule</c>) copies into the ruler's rule directory: error-level lines and keyword
/// lines above their rate per minute over the app's window. They carry <c>ticket="true"</c>, which
/// Alertmanager routes to the tracker (Jira), else to team chat. Shared by both slots, so a release
/// does not change them.
/// </summary>
public static class LogAlertRules
{
    public const string ErrorLines = "AppLogErrors";
    public const string KeywordLines = "AppLogKeywords";

    /// <summary>The Loki chart's <c>sidecar.rules.label</c>, and the value this platform's rule ConfigMaps carry.</summary>
    public const string SidecarLabel = "loki_rule";
    public const string SidecarLabelValue = "true";

    public const int MaxKeywordLength = 100;

    /// <summary>A rate must hold over two ruler evaluations (1m apart by default) before a ticket is filed.</summary>
    private const string For = "2m";

    /// <summary>
    /// An error-level line in the usual formats: a level field in JSON or logfmt
    /// (<c>"level":"error"</c>, <c>level=ERROR</c>, <c>severity=fatal</c>), or an upper-case level word
    /// in plain text (<c>ERROR</c>, <c>[FATAL]</c>). Upper case only for plain words, so a message that
    /// merely mentions an error does not count.
    /// </summary>
    public const string ErrorLevelPattern =
        """(?i:"?\b(level|severity|lvl)"?\s*[:=]\s*"?(error|err|fatal|critical|crit|panic)\b)|\b(ERROR|FATAL|CRITICAL|PANIC)\b""";

    public static string Name(string app) => $"{app}-log-alerts";

    public static string FileName(string app) => $"{app}-log-alerts.yaml";

    /// <summary>The ConfigMap of the app's log alert rules, or null when its log alerts are off.</summary>
    public static KubernetesObject? Render(ValidApp app)
    {
        if (RuleFile(app) is not { } ruleFile)
            return null;
        var labels = StandardLabels.Shared(app.Name, "log-alerts");
        labels[SidecarLabel] = SidecarLabelValue;
        return Manifest.Object("v1", "ConfigMap", Name(app.Name), PlatformNamespaces.Monitoring, labels, ("data", Map((FileName(app.Name), ruleFile))));
    }

    /// <summary>The rule file Loki's ruler reads (Prometheus rule-file shape, LogQL expressions), or null when off.</summary>
    public static string? RuleFile(ValidApp app) => Groups(app) is { } groups ? YamlWriter.Write(groups) : null;

    /// <summary>The rule file as a tree, or null when the app's log alerts are off.</summary>
    public static OrderedDictionary<string, object?>? Groups(ValidApp valid)
    {
        if (valid.LogAlertWindowMinutes is not { } minutes)
            return null;
        var (app, logAlerts) = (valid.Name, valid.Config.LogAlerts);
        List<object?> rules =
        [
            Alert(ErrorLines, PerMinute(Lines(app, ErrorLevelPattern), logAlerts.Window, minutes, logAlerts.ErrorsPerMinute), app,
                $"{app} logs errors",
                $"{app} wrote {{{{ $value | humanize }}}} error-level lines per minute over the last {logAlerts.Window} (more than {Number(logAlerts.ErrorsPerMinute)}).",
                Lines(app, ErrorLevelPattern)),
        ];
        if (logAlerts.Keywords.Count > 0)
        {
            var keywords = KeywordPattern(logAlerts.Keywords);
            rules.Add(Alert(KeywordLines, PerMinute(Lines(app, keywords), logAlerts.Window, minutes, logAlerts.KeywordsPerMinute), app,
                $"{app} logs a watched keyword",
                $"{app} wrote {{{{ $value | humanize }}}} lines per minute with one of {string.Join(", ", logAlerts.Keywords)} over the last {logAlerts.Window} (more than {Number(logAlerts.KeywordsPerMinute)}).",
                Lines(app, keywords)));
        }
        return Map(("groups", List(Map(("name", $"{app}.logs"), ("rules", rules)))));
    }

    /// <summary>The app's log lines that match a pattern: the selector Alloy's labels make (namespace, app).</summary>
    private static string Lines(string app, string pattern) =>
        $"{{namespace=\"{PlatformNamespaces.Apps}\", app=\"{app}\"}} |~ `{pattern}`";

    private static string PerMinute(string lines, string window, int minutes, double threshold) =>
        $"sum by (namespace, app) (count_over_time({lines} [{window}])) / {minutes} > {Number(threshold)}";

    /// <summary>Any of the keywords, literally and ignoring case, as an RE2 alternation.</summary>
    private static string KeywordPattern(IEnumerable<string> keywords) =>
        "(?i)(" + string.Join("|", keywords.Select(EscapeRe2)) + ")";

    /// <summary>Escapes RE2's metacharacters; RE2 refuses escapes of other characters, so nothing else is touched.</summary>
    private static string EscapeRe2(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static OrderedDictionary<string, object?> Alert(string name, string expr, string app, string summary, string description, string lines) =>
        Map(
            ("alert", name),
            ("expr", expr),
            ("for", For),
            ("labels", Strings(new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["app"] = app,
                ["severity"] = AlertSeverity.Warning,
                [AlertmanagerConfig.TicketLabel] = "true",
            })),
            ("annotations", Map(("summary", summary), ("description", description), ("logql", lines))));

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
