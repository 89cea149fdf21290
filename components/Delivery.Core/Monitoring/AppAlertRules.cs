using System.Globalization;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// One app's alerts as a PrometheusRule in the apps namespace: its error budget (multi-window burn
/// rates), its p95 latency against the budget and against yesterday, its pods, and a notice when a
/// new release starts serving. Shared by both slots, so it carries no version or release label and
/// does not change on a release; the SLO numbers come from the app's own <c>slo</c>, else the stack's.
/// </summary>
public static class AppAlertRules
{
    public const string FastBurn = "AppErrorBudgetFastBurn";
    public const string SlowBurn = "AppErrorBudgetSlowBurn";
    public const string LatencyOverBudget = "AppLatencyP95OverBudget";
    public const string LatencyRegression = "AppLatencyP95Regression";
    public const string PodsNotReady = "AppPodNotReady";
    public const string CrashLooping = "AppPodCrashLooping";
    public const string ReleaseDeployed = "AppReleaseDeployed";

    /// <summary>The <c>slo</c> label pairs a fast and a slow burn of the same budget, for inhibition.</summary>
    public const string SloLabel = "slo";
    public const string ErrorBudgetSlo = "error-budget";
    public const string LatencySlo = "latency";

    private const double FastBurnFactor = AppQueries.FastBurnFactor;
    private const double SlowBurnFactor = AppQueries.SlowBurnFactor;

    /// <summary>p95 this much above the same 10 minutes a day earlier is a regression.</summary>
    private const double RegressionFactor = 1.2;

    /// <summary>How long a new release id counts as "just deployed".</summary>
    private const string ReleaseNoticeWindow = "15m";

    public static string Name(string app) => $"{app}-slo";

    public static KubernetesObject Render(DeliveryConfig config, string appName)
    {
        var slo = Slo.For(config, appName);
        var app = new AppSeries(appName, Strategies.IsRolling(config.Apps[appName]));
        var groups = List(
            Group($"{appName}.error-budget",
                Alert(FastBurn, AppQueries.FastBurn(app.Requests, slo.ErrorRateTarget), "2m", AlertSeverity.Critical, appName, SloLabels(ErrorBudgetSlo),
                    $"{appName} is burning its error budget fast",
                    $"{appName} failed more than {Percent(FastBurnFactor * slo.ErrorRateTarget)} of requests over the last hour and 5 minutes ({FastBurnFactor}x its {Percent(slo.ErrorRateTarget)} target); at this rate a 30-day budget is gone in about 2 days."),
                Alert(SlowBurn, AppQueries.SlowBurn(app.Requests, slo.ErrorRateTarget), "15m", AlertSeverity.Warning, appName, SloLabels(ErrorBudgetSlo),
                    $"{appName} is burning its error budget",
                    $"{appName} failed more than {Percent(SlowBurnFactor * slo.ErrorRateTarget)} of requests over the last 6 hours and 30 minutes ({SlowBurnFactor}x its {Percent(slo.ErrorRateTarget)} target).")),
            Group($"{appName}.latency",
                Alert(LatencyOverBudget, $"{AppQueries.P95(app.Requests, "5m")} > {Number(slo.LatencyP95Ms / 1000.0)}", "10m", AlertSeverity.Warning, appName, SloLabels(LatencySlo),
                    $"{appName} p95 latency is over budget",
                    $"The 95th percentile of {appName} request durations has been above {slo.LatencyP95Ms} ms for 10 minutes."),
                Alert(LatencyRegression, $"{AppQueries.P95(app.Requests, "10m")} >= {Number(RegressionFactor)} * {AppQueries.P95(app.Requests, "10m", " offset 1d")}", "15m", AlertSeverity.Warning, appName, [],
                    $"{appName} p95 latency regressed against yesterday",
                    $"The 95th percentile of {appName} request durations is at least {Percent(RegressionFactor - 1)} above the same time a day ago.")),
            Group($"{appName}.pods",
                Alert(PodsNotReady, $"sum by (namespace, pod) (kube_pod_status_ready{{{app.Pods},condition=\"false\"}}) > 0", "10m", AlertSeverity.Warning, appName, [],
                    $"{appName} pod {{{{ $labels.pod }}}} is not ready",
                    $"Pod {{{{ $labels.pod }}}} of {appName} has not been ready for 10 minutes."),
                Alert(CrashLooping, $"max by (namespace, pod) (increase(kube_pod_container_status_restarts_total{{{app.Pods}}}[15m])) > 2", "5m", AlertSeverity.Warning, appName, [],
                    $"{appName} pod {{{{ $labels.pod }}}} is crash looping",
                    $"Pod {{{{ $labels.pod }}}} of {appName} restarted more than twice in 15 minutes.")),
            Group($"{appName}.releases",
                Alert(ReleaseDeployed, ReleaseDeployedExpr(app), "0s", AlertSeverity.Info, appName,
                    [("release", "{{ $labels.delivery_platform_release }}")],
                    $"{appName} release {{{{ $labels.delivery_platform_release }}}} is deployed",
                    $"{appName} version {{{{ $labels.app_kubernetes_io_version }}}} (release {{{{ $labels.delivery_platform_release }}}}) started in the {{{{ $labels.delivery_platform_slot }}}} slot.")));
        return Manifest.Object("monitoring.coreos.com/v1", "PrometheusRule", Name(appName), PlatformNamespaces.Apps,
            StandardLabels.Shared(appName, "alerts"), ("spec", Map(("groups", groups))));
    }

    /// <summary>
    /// A release id whose targets are scraped now but were not a window ago. Built on <c>up</c>, which
    /// every scraped pod has with its target labels (slot, version, release) whether or not it serves
    /// traffic yet, so an idle slot's new release is announced too.
    /// </summary>
    private static string ReleaseDeployedExpr(AppSeries app)
    {
        const string by = "max by (delivery_platform_release, app_kubernetes_io_version, delivery_platform_slot)";
        return $"{by} (up{{{app.Requests}}}) unless {by} (up{{{app.Requests}}} offset {ReleaseNoticeWindow})";
    }

    private static OrderedDictionary<string, object?> Group(string name, params object[] rules) =>
        Map(("name", name), ("rules", List(rules)));

    private static OrderedDictionary<string, object?> Alert(
        string name,
        string expr,
        string @for,
        string severity,
        string app,
        IEnumerable<(string Key, string Value)> extraLabels,
        string summary,
        string description)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["severity"] = severity, ["app"] = app };
        foreach (var (key, value) in extraLabels)
            labels[key] = value;
        return Map(
            ("alert", name),
            ("expr", expr),
            ("for", @for),
            ("labels", Strings(labels)),
            ("annotations", Map(("summary", summary), ("description", description))));
    }

    private static (string, string)[] SloLabels(string slo) => [(SloLabel, slo)];

    private static string Number(double value) => AppQueries.Number(value);

    private static string Percent(double ratio) => (ratio * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
