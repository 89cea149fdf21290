using System.Globalization;
using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Release;

/// <summary>The overall verdict on a slot. "Cannot judge" (Prometheus unreachable, a query error) is not a verdict: it is an exception.</summary>
public enum VerifyVerdict
{
    Pass,
    Fail,
    NotEnoughTraffic,
}

/// <summary>One row of a verification: what was asked, what came back, what it was held to, and the verdict.</summary>
/// <param name="Measured">The value as shown (<c>3.2%</c>, <c>48.8 ms</c>), or <c>no data</c>.</param>
/// <param name="Value">The raw number (a count, a ratio, seconds); null when Prometheus returned no sample.</param>
public sealed record VerifyCheck(string Check, string Query, string Measured, double? Value, string Threshold, string Verdict);

/// <param name="Release">The release id judged: the slot's pods of that release only.</param>
public sealed record VerifyReport(string App, string Slot, string Version, string Release, string Window, VerifyVerdict Verdict, string Summary, IReadOnlyList<VerifyCheck> Checks);

/// <summary>
/// Judges the release one slot of an app runs from the series its ServiceMonitor scrapes, selected
/// by slot and release id (<see cref="AppSeries.OfRelease"/>, <see cref="AppQueries"/>), so a build
/// is never judged on the data of the one it replaced, nor a rolling app on its old pods: enough requests in the window, the 5xx ratio within the SLO's error
/// rate, the p95 within its latency budget, and (for a candidate, the idle slot) the p95 at most
/// <c>latencyRegressionPercent</c> above the live slot's. A slot with too few requests is "not enough
/// traffic", never a pass; a judged check with no sample fails.
/// </summary>
public sealed class SlotVerification
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotEnoughTraffic = "not enough traffic";
    public const string NotJudged = "not judged";
    public const string NoBaseline = "no baseline";

    private readonly string _app;
    private readonly Slot _slot;
    private readonly Slot _live;
    private readonly string _version;
    private readonly string _release;
    private readonly string _liveRelease;
    private readonly string _window;
    private readonly Slo _slo;
    private readonly VerifySettings _settings;

    /// <param name="window">The range to judge over; null for the app's <c>verify.window</c>.</param>
    public SlotVerification(ValidStack stack, string app, Slot slot, string? window = null)
    {
        var settings = stack.Config.Apps[app];
        _app = app;
        _slot = slot;
        // A rolling app's pods are all live, labelled slot "rolling".
        _live = stack.Apps[app].Live;
        _version = Slots.Version(settings, slot);
        _release = ReleaseId.Of(stack, app, slot);
        _liveRelease = ReleaseId.Of(stack, app, _live);
        _settings = VerifySettings.For(stack.Config, app);
        _window = window ?? _settings.Window;
        _slo = Slo.For(stack.Config, app);
    }

    /// <summary>A candidate (the idle slot) is also held to the live slot's p95.</summary>
    public bool IsCandidate => _slot != _live;

    public string RequestsQuery => AppQueries.Requests(Selector(_slot, _release), _window);

    public string ErrorRatioQuery => AppQueries.ErrorRatio(Selector(_slot, _release), _window);

    public string P95Query => AppQueries.P95(Selector(_slot, _release), _window);

    public string LiveRequestsQuery => AppQueries.Requests(Selector(_live, _liveRelease), _window);

    public string LiveP95Query => AppQueries.P95(Selector(_live, _liveRelease), _window);

    /// <summary>Every query this verification runs, for promtool.</summary>
    public IReadOnlyList<string> Queries => IsCandidate
        ? [RequestsQuery, ErrorRatioQuery, P95Query, LiveRequestsQuery, LiveP95Query]
        : [RequestsQuery, ErrorRatioQuery, P95Query];

    /// <summary>Runs the queries through <paramref name="query"/> (a single sample, or null for none) and judges them.</summary>
    public VerifyReport Run(Func<string, double?> query)
    {
        var requests = Sample(query(RequestsQuery));
        var enough = requests >= _settings.MinRequests;
        var checks = new List<VerifyCheck>
        {
            new("requests", RequestsQuery, Count(requests), requests, $">= {_settings.MinRequests}", enough ? Pass : NotEnoughTraffic),
        };

        var errorRatio = Sample(query(ErrorRatioQuery));
        checks.Add(new("5xx ratio", ErrorRatioQuery, Ratio(errorRatio), errorRatio, $"<= {Ratio(_slo.ErrorRateTarget)} (slo.errorRateTarget)",
            Judge(enough, errorRatio, ratio => ratio <= _slo.ErrorRateTarget)));

        var p95 = Sample(query(P95Query));
        var budget = _slo.LatencyP95Ms / 1000.0;
        checks.Add(new("p95 latency", P95Query, Millis(p95), p95, $"<= {Millis(budget)} (slo.latencyP95Ms)", Judge(enough, p95, seconds => seconds <= budget)));

        if (IsCandidate)
            checks.Add(Regression(query, enough, p95));

        var verdict = !enough ? VerifyVerdict.NotEnoughTraffic : checks.Any(c => c.Verdict == Fail) ? VerifyVerdict.Fail : VerifyVerdict.Pass;
        return new VerifyReport(_app, Slots.Name(_slot), _version, _release, _window, verdict, Summary(verdict, checks), checks);
    }

    private VerifyCheck Regression(Func<string, double?> query, bool enough, double? p95)
    {
        const string name = "p95 vs live";
        var factor = 1 + (_settings.LatencyRegressionPercent / 100.0);
        var liveRequests = Sample(query(LiveRequestsQuery));
        var liveP95 = Sample(query(LiveP95Query));
        if (liveRequests is null || liveRequests < _settings.MinRequests || liveP95 is null)
        {
            // Nothing to compare with (a first release, or a quiet live slot): shown, not counted as a pass of the candidate.
            return new(name, LiveP95Query, $"live: {Count(liveRequests)} requests", liveP95,
                $"<= live p95 x {Number(factor)} (needs >= {_settings.MinRequests} live requests)", NoBaseline);
        }
        var bound = liveP95.Value * factor;
        return new(name, LiveP95Query, $"{Millis(p95)} vs live {Millis(liveP95)}", p95,
            $"<= {Millis(bound)} (live p95 +{_settings.LatencyRegressionPercent}%)", Judge(enough, p95, seconds => seconds <= bound));
    }

    private string Summary(VerifyVerdict verdict, IReadOnlyList<VerifyCheck> checks)
    {
        var subject = $"{_app} {Slots.Name(_slot)} ({(_version.Length == 0 ? "no version" : _version)}, release {_release}) over {_window}";
        return verdict switch
        {
            VerifyVerdict.Pass => $"pass: {subject}: every check within its threshold.",
            VerifyVerdict.NotEnoughTraffic => $"not enough traffic: {subject} served {checks[0].Measured} requests, fewer than the {_settings.MinRequests} needed to judge it.",
            _ => $"fail: {subject}: {string.Join("; ", checks.Where(c => c.Verdict == Fail).Select(c => $"{c.Check} {c.Measured} (threshold {c.Threshold})"))}.",
        };
    }

    private static string Judge(bool enough, double? value, Func<double, bool> within) =>
        !enough ? NotJudged : value is { } measured && within(measured) ? Pass : Fail;

    private string Selector(Slot slot, string release) => new AppSeries(_app).OfRelease(slot, release);

    /// <summary>NaN (0/0 on no requests) is no data, like an empty result.</summary>
    private static double? Sample(double? value) => value is { } v && !double.IsNaN(v) ? v : null;

    private static string Count(double? value) => value is { } v ? Math.Round(v).ToString("0", CultureInfo.InvariantCulture) : "no data";

    private static string Ratio(double? value) => value is { } v ? (v * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%" : "no data";

    private static string Millis(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "no data";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
