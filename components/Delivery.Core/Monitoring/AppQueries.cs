using System.Globalization;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The PromQL over an app's HTTP server series (OpenTelemetry's <c>http.server.request.duration</c>
/// histogram, in seconds, as Prometheus names it). One definition for the alert rules and for
/// <c>deliver verify</c> / <c>deliver gate</c>; a selector from <see cref="AppSeries"/> picks the app or one slot.
/// </summary>
public static class AppQueries
{
    public const string RequestCount = "http_server_request_duration_seconds_count";
    public const string RequestBucket = "http_server_request_duration_seconds_bucket";

    /// <summary>Burn-rate windows from the Google SRE workbook (ch. 5): 2% of a 30-day budget in 1h pages, 5% in 6h is a ticket.</summary>
    public const double FastBurnFactor = 14.4;
    public const double SlowBurnFactor = 6;

    /// <summary>Requests served over a window.</summary>
    public static string Requests(string selector, string window) =>
        $"sum(increase({RequestCount}{{{selector}}}[{window}]))";

    /// <summary>
    /// Failed (5xx) share of requests over a window. An app that never failed has no 5xx series at
    /// all (OpenTelemetry creates a series on its first request with that code), so the failures
    /// count as 0 then, not as no data; with no requests at all the ratio stays no data.
    /// </summary>
    public static string ErrorRatio(string selector, string window) =>
        $"((sum(rate({RequestCount}{{{selector},http_response_status_code=~\"5..\"}}[{window}])) or vector(0)) / sum(rate({RequestCount}{{{selector}}}[{window}])))";

    /// <summary>The 95th percentile of request durations, in seconds.</summary>
    public static string P95(string selector, string window, string offset = "") =>
        $"histogram_quantile(0.95, sum by (le) (rate({RequestBucket}{{{selector}}}[{window}]{offset})))";

    /// <summary>The error budget burning over <see cref="FastBurnFactor"/> times its target in both the long and the short window.</summary>
    public static string FastBurn(string selector, double target) =>
        $"{ErrorRatio(selector, "1h")} > {Number(FastBurnFactor)} * {Number(target)} and {ErrorRatio(selector, "5m")} > {Number(FastBurnFactor)} * {Number(target)}";

    public static string SlowBurn(string selector, double target) =>
        $"{ErrorRatio(selector, "6h")} > {Number(SlowBurnFactor)} * {Number(target)} and {ErrorRatio(selector, "30m")} > {Number(SlowBurnFactor)} * {Number(target)}";

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
