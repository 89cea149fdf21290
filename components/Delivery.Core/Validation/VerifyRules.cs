using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>The <c>verify</c> settings, at the top level and per app: counts, percent and Prometheus durations.</summary>
internal static class VerifyRules
{
    /// <summary>
    /// <c>rate()</c> needs two samples in its range; the ServiceMonitor scrapes every 30s, so a
    /// window under a minute could hold one and judge nothing.
    /// </summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromMinutes(1);

    public static IEnumerable<ConfigProblem> Check(ConfigPath root, VerifyConfig verify)
    {
        if (verify.MinRequests is { } minimum && minimum < 1)
        {
            yield return ConfigProblem.Error(root.Key("minRequests"), Number(minimum),
                "must be at least 1: with no minimum, a slot that served nothing would pass.", $"pulumi config set --path {root.Key("minRequests")} 100.");
        }
        if (verify.LatencyRegressionPercent is { } percent && percent is < 0 or > 1000)
        {
            yield return ConfigProblem.Error(root.Key("latencyRegressionPercent"), Number(percent),
                "is how far (in percent) the candidate's p95 may exceed the live slot's and must be 0–1000.",
                $"pulumi config set --path {root.Key("latencyRegressionPercent")} 20.");
        }
        if (verify.Window.Length > 0)
        {
            var window = Durations.Parse(verify.Window);
            if (window is null || window < MinimumWindow)
            {
                yield return ConfigProblem.Error(root.Key("window"), verify.Window,
                    window is null
                        ? "is not a Prometheus duration (such as 5m or 1h30m)."
                        : "is shorter than 1m: rate() needs two of the ServiceMonitor's 30s scrapes in the window.",
                    $"pulumi config set --path {root.Key("window")} 5m.");
            }
        }
        if (verify.BakeTime.Length > 0 && Durations.Parse(verify.BakeTime) is null)
        {
            yield return ConfigProblem.Error(root.Key("bakeTime"), verify.BakeTime, "is not a Prometheus duration (such as 10m).",
                $"pulumi config set --path {root.Key("bakeTime")} 10m.");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
