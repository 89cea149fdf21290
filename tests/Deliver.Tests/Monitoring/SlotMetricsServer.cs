using System.Globalization;
using System.Net;
using System.Text;

namespace Deliver.Tests.Monitoring;

/// <summary>How one slot of a test app behaves: requests per second, the share answered 5xx, and how long each takes.</summary>
internal sealed record SlotProfile(double RequestsPerSecond, double ErrorRatio, double LatencySeconds)
{
    public static readonly SlotProfile Healthy = new(20, 0, 0.04);
}

/// <summary>
/// Serves /metrics for test apps' blue and green slots, as an app instrumented with OpenTelemetry
/// exports them to Prometheus: the <c>http.server.request.duration</c> histogram (seconds, the
/// semantic-convention buckets) by method and status code. Counters grow with wall time at each
/// slot's rate, so Prometheus's <c>rate()</c> sees steady traffic. Also answers each slot's health
/// path (the smoke test) at <c>/{app}/{slot}/healthz</c>.
/// </summary>
internal sealed class SlotMetricsServer : IDisposable
{
    /// <summary>The OpenTelemetry semantic-convention bucket bounds for http.server.request.duration.</summary>
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<(string App, string Slot), SlotProfile> _profiles;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly Thread _loop;

    public SlotMetricsServer(IReadOnlyDictionary<(string App, string Slot), SlotProfile> profiles)
    {
        _profiles = profiles;
        Port = LocalServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = new Thread(Serve) { IsBackground = true, Name = "slot-metrics" };
        _loop.Start();
    }

    public int Port { get; }

    public IEnumerable<(string App, string Slot)> Slots => _profiles.Keys;

    public string MetricsPath(string app, string slot) => $"/metrics/{app}/{slot}";

    private void Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            var parts = context.Request.Url!.AbsolutePath.Trim('/').Split('/');
            var (status, body) = parts switch
            {
                ["metrics", var app, var slot] when _profiles.TryGetValue((app, slot), out var profile) => (200, Exposition(profile)),
                [var app, var slot, "healthz"] when _profiles.ContainsKey((app, slot)) => (200, "ok\n"),
                _ => (404, "not found\n"),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; version=0.0.4";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
    }

    private string Exposition(SlotProfile profile)
    {
        var elapsed = (DateTime.UtcNow - _started).TotalSeconds;
        var total = Math.Floor(profile.RequestsPerSecond * elapsed);
        var failed = Math.Floor(total * profile.ErrorRatio);
        var text = new StringBuilder();
        const string name = "http_server_request_duration_seconds";
        text.AppendLine($"# HELP {name} Duration of HTTP server requests.");
        text.AppendLine($"# TYPE {name} histogram");
        foreach (var (code, count) in new[] { ("200", total - failed), ("500", failed) })
        {
            var labels = $"http_request_method=\"GET\",http_response_status_code=\"{code}\",http_route=\"/items\"";
            foreach (var bound in Buckets)
                text.AppendLine(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{bound.ToString(CultureInfo.InvariantCulture)}\"}} {(profile.LatencySeconds <= bound ? count : 0)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {count}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {(count * profile.LatencySeconds).ToString(CultureInfo.InvariantCulture)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}_count{{{labels}}} {count}");
        }
        return text.ToString();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Join(TimeSpan.FromSeconds(5));
    }
}
