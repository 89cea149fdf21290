using System.Globalization;
using System.Net;
using System.Text;
using Delivery.Core.Monitoring;

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
/// slot's rate, so Prometheus's <c>rate()</c> sees steady traffic. Every series carries the release
/// id the slot's pods run as <c>delivery_platform_release</c> (in a cluster the ServiceMonitor's
/// podTargetLabels add it); a deploy that changes a slot's release starts its series from zero, as
/// new pods do. Also answers each slot's health path (the smoke test) at <c>/{app}/{slot}/healthz</c>.
/// </summary>
internal sealed class SlotMetricsServer : IDisposable
{
    /// <summary>The OpenTelemetry semantic-convention bucket bounds for http.server.request.duration.</summary>
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly string[] Codes = ["200", "500"];

    private readonly HttpListener _listener = new();
    private readonly Dictionary<(string App, string Slot), SlotState> _slots;
    private readonly Thread _loop;

    private readonly Func<string, IReadOnlyDictionary<(string App, string Slot), string>> _releasesIn;

    /// <param name="releasesIn">The release id of each slot a stack file deploys; the initial ids come from <paramref name="initialStack"/>.</param>
    public SlotMetricsServer(IReadOnlyDictionary<(string App, string Slot), SlotProfile> profiles, string initialStack,
        Func<string, IReadOnlyDictionary<(string App, string Slot), string>> releasesIn)
    {
        _releasesIn = releasesIn;
        var releases = releasesIn(initialStack);
        _slots = profiles.ToDictionary(p => p.Key, p => new SlotState(p.Value, releases[p.Key]));
        Port = LocalServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = new Thread(Serve) { IsBackground = true, Name = "slot-metrics" };
        _loop.Start();
    }

    public int Port { get; }

    public IEnumerable<(string App, string Slot)> Slots => _slots.Keys;

    /// <summary>Called with the stack file a (fake) <c>pulumi up</c> posts to <c>/deployed</c>: how a test makes a deploy change what a slot serves.</summary>
    public Action<string>? Deployed { get; set; }

    public string MetricsPath(string app, string slot) => $"/metrics/{app}/{slot}";

    /// <summary>From now on the slot behaves so; the counters served so far are kept (they only grow).</summary>
    public void Serve(string app, string slot, SlotProfile profile)
    {
        var state = _slots[(app, slot)];
        lock (state)
        {
            state.Advance();
            state.Profile = profile;
        }
    }

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
                ["metrics", var app, var slot] when _slots.TryGetValue((app, slot), out var state) => (200, Exposition(state)),
                [var app, var slot, "healthz"] when _slots.ContainsKey((app, slot)) => (200, "ok\n"),
                ["deployed"] => Deploy(context.Request),
                _ => (404, "not found\n"),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; version=0.0.4";
            try
            {
                context.Response.OutputStream.Write(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The client gave up first (a scrape timeout on a loaded machine): not this server's
                // failure, and an exception on this thread would take the whole test host down.
                context.Response.Abort();
            }
        }
    }

    private (int, string) Deploy(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var stack = reader.ReadToEnd();
        foreach (var (slot, release) in _releasesIn(stack))
        {
            if (_slots.TryGetValue(slot, out var state))
                state.Run(release);
        }
        Deployed?.Invoke(stack);
        return (200, "deployed\n");
    }

    private static string Exposition(SlotState state)
    {
        var text = new StringBuilder();
        const string name = "http_server_request_duration_seconds";
        text.AppendLine($"# HELP {name} Duration of HTTP server requests.");
        text.AppendLine($"# TYPE {name} histogram");
        lock (state)
        {
            state.Advance();
            for (var code = 0; code < Codes.Length; code++)
            {
                var labels = $"http_request_method=\"GET\",http_response_status_code=\"{Codes[code]}\",http_route=\"/items\",{AppSeries.ReleaseLabel}=\"{state.Release}\"";
                var cumulative = 0.0;
                for (var bucket = 0; bucket < Buckets.Length; bucket++)
                {
                    cumulative += state.Counts[code][bucket];
                    text.AppendLine(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{Buckets[bucket].ToString(CultureInfo.InvariantCulture)}\"}} {Math.Floor(cumulative)}");
                }
                var count = Math.Floor(state.Counts[code].Sum());
                text.AppendLine(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {count}");
                text.AppendLine(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {state.Sums[code].ToString(CultureInfo.InvariantCulture)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"{name}_count{{{labels}}} {count}");
            }
        }
        return text.ToString();
    }

    public void Dispose()
    {
        // Close alone: Stop then Close makes the managed listener bind the port again to remove it, which fails once another test holds it.
        _listener.Close();
        _loop.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>A slot's counters, per status code and bucket (not cumulative), grown with wall time at its profile's rates.</summary>
    private sealed class SlotState(SlotProfile profile, string release)
    {
        private DateTime _last = DateTime.UtcNow;

        public SlotProfile Profile { get; set; } = profile;

        public string Release { get; private set; } = release;

        public double[][] Counts { get; private set; } = [new double[Buckets.Length + 1], new double[Buckets.Length + 1]];

        public double[] Sums { get; private set; } = new double[Codes.Length];

        /// <summary>New pods of another release: their series start from zero.</summary>
        public void Run(string release)
        {
            lock (this)
            {
                if (release == Release)
                    return;
                Advance();
                (Release, Counts, Sums) = (release, [new double[Buckets.Length + 1], new double[Buckets.Length + 1]], new double[Codes.Length]);
            }
        }

        public void Advance()
        {
            var now = DateTime.UtcNow;
            var requests = Profile.RequestsPerSecond * (now - _last).TotalSeconds;
            _last = now;
            var bucket = Array.FindIndex(Buckets, bound => Profile.LatencySeconds <= bound);
            bucket = bucket < 0 ? Buckets.Length : bucket;
            foreach (var (code, share) in new[] { (0, 1 - Profile.ErrorRatio), (1, Profile.ErrorRatio) })
            {
                Counts[code][bucket] += requests * share;
                Sums[code] += requests * share * Profile.LatencySeconds;
            }
        }
    }
}
