using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// One real Prometheus scraping <see cref="SlotMetricsServer"/> every second, and one real
/// Alertmanager, for the tests of the gates collection. Prometheus labels each target as the
/// ServiceMonitor does (job = the app, namespace = apps, delivery_platform_slot = the slot; the
/// release id comes with the series), so the queries under test read series shaped like production's.
/// Alertmanager holds kube-prometheus-stack's always-firing Watchdog, as a live alert pipeline does;
/// a test that takes it away puts it back.
/// </summary>
public sealed class MonitoringFixture : IDisposable
{
    /// <summary>The range the tests judge over: ten of the 1s scrapes.</summary>
    public const string Window = "10s";

    /// <summary>The labels of kube-prometheus-stack's Watchdog alert.</summary>
    public static readonly IReadOnlyDictionary<string, string> Watchdog = new Dictionary<string, string> { ["alertname"] = "Watchdog", ["severity"] = "none" };

    private static readonly TimeSpan DataWithin = TimeSpan.FromSeconds(60);

    /// <summary>Each app's candidate (green, idle) against a healthy live blue, unless both slots are named.</summary>
    internal static readonly IReadOnlyDictionary<(string App, string Slot), SlotProfile> Profiles = new Dictionary<(string, string), SlotProfile>
    {
        [("healthy", "blue")] = SlotProfile.Healthy,
        [("healthy", "green")] = SlotProfile.Healthy,
        [("erroring", "blue")] = SlotProfile.Healthy,
        [("erroring", "green")] = SlotProfile.Healthy with { ErrorRatio = 0.2 },
        // Both slots slow: the candidate is over the 500 ms budget but no worse than live.
        [("slow", "blue")] = SlotProfile.Healthy with { LatencySeconds = 0.8 },
        [("slow", "green")] = SlotProfile.Healthy with { LatencySeconds = 0.8 },
        // p95 ~242 ms: within the 500 ms budget, but five times live's ~49 ms.
        [("regressed", "blue")] = SlotProfile.Healthy,
        [("regressed", "green")] = SlotProfile.Healthy with { LatencySeconds = 0.2 },
        [("quiet", "blue")] = SlotProfile.Healthy,
        [("quiet", "green")] = SlotProfile.Healthy with { RequestsPerSecond = 0 },
        // Healthy until a test makes a deploy change it (the release script's rollback test).
        [("flaky", "blue")] = SlotProfile.Healthy,
        [("flaky", "green")] = SlotProfile.Healthy,
        // The same, for the rollback that files an incident (its own app: Prometheus keeps each test's errors).
        [("incident", "blue")] = SlotProfile.Healthy,
        [("incident", "green")] = SlotProfile.Healthy,
        // Green runs a bad build until a test replaces it (verify judges a release, not a slot).
        [("replaced", "blue")] = SlotProfile.Healthy,
        [("replaced", "green")] = SlotProfile.Healthy with { ErrorRatio = 0.2 },
        // Half of all requests fail in both slots: over the 14.4 x 1% fast-burn threshold.
        [("burning", "blue")] = SlotProfile.Healthy with { ErrorRatio = 0.5 },
        [("burning", "green")] = SlotProfile.Healthy with { ErrorRatio = 0.5 },
    };

    private readonly SlotMetricsServer _metrics;
    private readonly LocalServer _prometheus;
    private readonly LocalServer _alertmanager;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public MonitoringFixture()
    {
        _metrics = new SlotMetricsServer(Profiles, GatesProject.Yaml(Profiles.Keys.Select(k => k.App).Distinct().Select(app => new TestApp(app, "1.0.0", "1.1.0", "blue"))), ReleasesIn);
        try
        {
            _alertmanager = LocalServer.Start("prometheus-alertmanager", "prometheus-alertmanager",
                (port, folder) => [$"--config.file={folder}/alertmanager.yml", $"--storage.path={folder}/data", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address="],
                "/-/ready", folder => File.WriteAllText(Path.Combine(folder, "alertmanager.yml"), AlertmanagerConfig));
            PostAlert(Watchdog, "An alert that should always be firing to certify that Alertmanager is working properly.");
            _prometheus = LocalServer.Start("prometheus", "prometheus",
                (port, folder) => [$"--config.file={folder}/prometheus.yml", $"--storage.tsdb.path={folder}/data", $"--web.listen-address=127.0.0.1:{port}"],
                "/-/ready", folder => File.WriteAllText(Path.Combine(folder, "prometheus.yml"), PrometheusConfig(_metrics)));
            WaitForSamples();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The release id of each slot with a version in a gates stack file, as its pods would be labelled.</summary>
    private static IReadOnlyDictionary<(string App, string Slot), string> ReleasesIn(string stack)
    {
        var loaded = Deliver.Workspace.Load(stack, GatesProject.Stack, $"Pulumi.{GatesProject.Stack}.yaml");
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        var valid = Assert.IsType<ValidStack>(loaded.Stack);
        return loaded.Config.Apps
            .SelectMany(app => new[] { Slot.Blue, Slot.Green }.Where(slot => Slots.Version(app.Value, slot).Length > 0)
                .Select(slot => ((app.Key, Slots.Name(slot)), ReleaseId.Of(valid, app.Key, slot))))
            .ToDictionary(r => r.Item1, r => r.Item2);
    }

    public string PrometheusUrl => _prometheus.Url;

    public string AlertmanagerUrl => _alertmanager.Url;

    public int MetricsPort => _metrics.Port;

    internal SlotMetricsServer Metrics => _metrics;

    /// <summary>Posts an alert as Prometheus would: firing for an hour, or resolved (ends in the past).</summary>
    public void PostAlert(IReadOnlyDictionary<string, string> labels, string summary, bool resolved = false)
    {
        var now = DateTime.UtcNow;
        var alert = new
        {
            labels,
            annotations = new Dictionary<string, string> { ["summary"] = summary },
            startsAt = now.AddMinutes(-5).ToString("o", CultureInfo.InvariantCulture),
            endsAt = (resolved ? now.AddSeconds(-1) : now.AddHours(1)).ToString("o", CultureInfo.InvariantCulture),
        };
        using var response = _http.PostAsJsonAsync($"{AlertmanagerUrl}/api/v2/alerts", new[] { alert }).GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager refused the alert: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
    }

    /// <summary>What a (fake) pulumi up tells the metrics server: the stack file it applied.</summary>
    public void Deploy(string stack)
    {
        using var response = _http.PostAsync($"http://127.0.0.1:{MetricsPort}/deployed", new StringContent(stack)).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Silences every alert with this alertname for an hour, as anyone who reaches Alertmanager can; returns the silence's id.</summary>
    public string Silence(string alertName)
    {
        var now = DateTime.UtcNow;
        var silence = new
        {
            matchers = new[] { new { name = "alertname", value = alertName, isRegex = false, isEqual = true } },
            startsAt = now.AddMinutes(-1).ToString("o", CultureInfo.InvariantCulture),
            endsAt = now.AddHours(1).ToString("o", CultureInfo.InvariantCulture),
            createdBy = "a CI job",
            comment = "hide it from the gate",
        };
        using var response = _http.PostAsJsonAsync($"{AlertmanagerUrl}/api/v2/silences", silence).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager refused the silence: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("silenceID").GetString()!;
    }

    public void Unsilence(string id)
    {
        using var response = _http.DeleteAsync($"{AlertmanagerUrl}/api/v2/silence/{id}").GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager kept the silence {id}: {(int)response.StatusCode}");
    }

    public double? Query(string promql) =>
        new PrometheusQueries(MonitoringEndpoint.Parse("Prometheus", "--prometheus", PrometheusUrl, _http)).Scalar(promql);

    private const string AlertmanagerConfig = """
        route:
          receiver: "null"
          group_wait: 1s
        receivers:
          - name: "null"
        """;

    private static string PrometheusConfig(SlotMetricsServer metrics)
    {
        var config = new StringBuilder("""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:

            """);
        foreach (var app in metrics.Slots.Select(s => s.App).Distinct())
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"  - job_name: {app}");
            config.AppendLine("    static_configs:");
            foreach (var (_, slot) in metrics.Slots.Where(s => s.App == app))
            {
                config.AppendLine(CultureInfo.InvariantCulture, $"      - targets: [\"127.0.0.1:{metrics.Port}\"]");
                config.AppendLine(CultureInfo.InvariantCulture, $"        labels: {{namespace: apps, {AppSeries.SlotLabel}: {slot}, __metrics_path__: \"{metrics.MetricsPath(app, slot)}\"}}");
            }
        }
        return config.ToString();
    }

    /// <summary>Until every target has a window's worth of scrapes (bounded): rate() needs at least two samples.</summary>
    private void WaitForSamples()
    {
        var targets = Profiles.Count;
        var deadline = DateTime.UtcNow + DataWithin;
        while (DateTime.UtcNow < deadline)
        {
            var ready = new PrometheusQueries(MonitoringEndpoint.Parse("Prometheus", "--prometheus", PrometheusUrl, _http))
                .Scalar($"count(count_over_time(up{{namespace=\"apps\"}}[{Window}]) >= 9)");
            if (ready >= targets)
                return;
            Thread.Sleep(500);
        }
        throw new InvalidOperationException($"Prometheus did not scrape all {targets} test targets within {DataWithin.TotalSeconds}s:\n{_prometheus.Log}");
    }

    public void Dispose()
    {
        _prometheus?.Dispose();
        _alertmanager?.Dispose();
        _metrics.Dispose();
        _http.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MonitoringCollection : ICollectionFixture<MonitoringFixture>
{
    public const string Name = "real Prometheus and Alertmanager";
}
