using System.Globalization;
using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Validation;

/// <summary>An app's log alerts: rates that are not negative, a LogQL range, keywords that can be matched literally.</summary>
internal static partial class LogAlertsRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath path, LogAlertsConfig logAlerts)
    {
        foreach (var (key, rate) in new[] { ("errorsPerMinute", logAlerts.ErrorsPerMinute), ("keywordsPerMinute", logAlerts.KeywordsPerMinute) })
        {
            if (rate < 0 || !double.IsFinite(rate))
            {
                yield return ConfigProblem.Error(path.Key(key), rate.ToString(CultureInfo.InvariantCulture),
                    "is a number of log lines per minute and cannot be negative (0 files a ticket for any such line).",
                    $"pulumi config set --path {path.Key(key)} 5.");
            }
        }
        if (LogWindows.Minutes(logAlerts.Window) is null)
        {
            yield return ConfigProblem.Error(path.Key("window"), logAlerts.Window,
                "must be a LogQL range of whole minutes or hours from 1m to 24h (10m, 1h).",
                $"pulumi config set --path {path.Key("window")} 10m.");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < logAlerts.Keywords.Count; i++)
        {
            var keyword = logAlerts.Keywords[i];
            var keywordPath = path.Key("keywords").Index(i);
            if (!PlainKeyword().IsMatch(keyword) || keyword.Length > LogAlertRules.MaxKeywordLength || keyword.Trim().Length != keyword.Length)
            {
                yield return ConfigProblem.Error(keywordPath, keyword,
                    $"must be 1–{LogAlertRules.MaxKeywordLength} characters of plain text without backticks, '{{{{', '}}}}', line breaks or surrounding spaces (it is matched literally, ignoring case).",
                    $"pulumi config set --path '{keywordPath}' OutOfMemoryError.");
            }
            else if (!seen.Add(keyword))
            {
                yield return ConfigProblem.Error(keywordPath, keyword, "is listed twice (keywords ignore case).",
                    $"remove it: pulumi config rm --path '{keywordPath}'.");
            }
        }
    }

    /// <summary>Printable text without a backtick (it would end LogQL's raw string) or a template delimiter (alert text is a Go template).</summary>
    [GeneratedRegex(@"^(?!.*(\{\{|\}\}))[^\p{C}`]+$")]
    private static partial Regex PlainKeyword();
}
