using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// The release drill (issue #25's "done when"), end to end, as docs/chat-and-incidents.md tells it: a
/// slow build of the sample service is promoted and switched live; the release script (.ci/release-stack,
/// fake pulumi) finds it slow in live verification, rolls back to the last good version, commits the
/// rollback and files the incident. Everything else is real: samples/ShopApi runs each slot on loopback,
/// Prometheus scrapes both, Alertmanager holds the Watchdog (the monitoring collection's), and users'
/// traffic goes to whichever slot the last deploy made live.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed partial class DrillTests(MonitoringFixture monitoring) : IDisposable
{
    private const string App = SampleService.App;

    /// <summary>How much the drill build adds to every business request: over the default 500 ms p95 budget.</summary>
    private const string SlowMs = "800";

    /// <summary>How long a deploy that changes the live slot takes to roll out: the new slot serves users this long before pulumi up returns.</summary>
    private static readonly TimeSpan Rollout = TimeSpan.FromSeconds(8);

    private readonly string _scratch = Directory.CreateTempSubdirectory("drill-").FullName;
    private readonly List<IDisposable> _running = [];

    [Fact]
    public void A_slow_build_fails_live_verification_on_latency_rolls_back_and_files_its_incident()
    {
        // The stack: shop 1.0.0 (a good build) live in blue; the slow build promoted as 1.1.0 into green and
        // deployed idle (HEAD~1, what pulumi up last applied); the push to release switches shop to it.
        using var project = new GatesProject(new TestApp(App, "1.0.0", "", "blue"));
        File.WriteAllText(project.StackPath, project.StackText.Replace("config:\n",
            "config:\n  delivery-platform:release:\n    incidents:\n      tracker: github\n      project: acme/platform\n", StringComparison.Ordinal));
        project.Commit("releases file incidents");
        project.Step("promote shop 1.1.0 (the drill's slow build)", "promote", App, "1.1.0");
        project.Step("switch shop to 1.1.0", "switch", App);
        var origin = Path.Combine(_scratch, "origin.git");
        project.Git("init", "-q", "--bare", origin);
        project.Git("remote", "add", "origin", origin);
        project.Git("push", "-q", "origin", "main");
        var stack = Assert.IsType<ValidStack>(Workspace.Load(project.StackText, GatesProject.Stack, $"Pulumi.{GatesProject.Stack}.yaml").Stack);

        // Each slot runs its build; the green one with the drill's slow setting. Prometheus scrapes both.
        var blue = Running(SampleService.Start(stack, Slot.Blue, new Dictionary<string, string>()));
        var green = Running(SampleService.Start(stack, Slot.Green, new Dictionary<string, string> { ["SHOP_DRILL_LATENCY_MS"] = SlowMs }));
        var prometheus = Running(SampleService.Prometheus(stack, (Slot.Blue, blue), (Slot.Green, green)));
        var slots = new Dictionary<string, LocalServer> { ["blue"] = blue, ["green"] = green };
        var users = Running(new UserTraffic(slots["blue"].Url));
        // The cluster the fake pulumi deploys to: users go to the live slot of the stack file applied; smoke tests reach each slot.
        var cluster = Running(new FakeHttpServer(request =>
        {
            if (request is { Method: "POST", Path: "/deployed" })
            {
                var live = LiveSlot().Match(request.Body).Groups[1].Value;
                if (users.Target != slots[live].Url)
                {
                    users.Target = slots[live].Url;
                    Thread.Sleep(Rollout);
                }
                return (200, "deployed");
            }
            var slot = slots.GetValueOrDefault(request.Path.Split('/')[^2]);
            return slot is null ? (404, "no such slot") : (200, Get($"{slot.Url}/healthz"));
        }));
        var tracker = new FakeIssueTracker(github: true, "t0ken");
        var github = Running(new FakeHttpServer(tracker.Answer));

        var run = new ReleaseScript(_scratch, prometheus.Url, $"{cluster.Url}/{{app}}/{{slot}}/healthz", $"{cluster.Url}/deployed")
            .Run(project, monitoring.AlertmanagerUrl, jobEnvironment: new Dictionary<string, string> { ["GITHUB_TOKEN"] = "t0ken", ["GITHUB_API_URL"] = github.Url });

        // The release: gated, switched live by the stage step, smoke-tested, then judged live.
        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("#### gate (exit 0)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("- smoke test of shop green (1.1.0)", run.Summary, StringComparison.Ordinal);
        // verify fails it on its latency: p95 over the 500 ms budget, from the real app's histogram.
        Assert.Contains("#### verify shop live, bake round 1 (exit 1)", run.Summary, StringComparison.Ordinal);
        var p95 = P95Row().Match(run.Summary);
        Assert.True(p95.Success, run.Summary);
        Assert.InRange(double.Parse(p95.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 500, 2500);
        // The automatic rollback: pulumi up applied blue live again, users went back to the good build, and git says so.
        Assert.Equal(["live: green", "live: blue"], run.Applied.Select(yaml => LiveSlot().Match(yaml).Value));
        Assert.Equal(blue.Url, users.Target);
        Assert.Matches(@"- rollback applied \d+\.\ds after the failure was detected", run.Summary);
        Assert.StartsWith("release gates: roll back shop (shop failed live verification in bake round 1) [skip ci]",
            project.Git("log", "-1", "--format=%s", "origin/main"), StringComparison.Ordinal);
        Assert.Contains("live: blue", project.Git("show", "origin/main:stacks/Pulumi.gates.yaml"), StringComparison.Ordinal);
        Assert.EndsWith("**Rolled back:** shop (shop failed live verification in bake round 1).\n", run.Summary, StringComparison.Ordinal);
        // The incident: the release, the verdict table with its PromQL and values, detected -> rolled back.
        var issue = Assert.Single(tracker.Issues);
        Assert.StartsWith("Incident: shop 1.1.0 in gates (", issue.Title, StringComparison.Ordinal);
        Assert.Equal("incident,postmortem", issue.Labels);
        Assert.Contains("**What happened:** shop failed live verification in bake round 1; rolled back automatically", issue.Body, StringComparison.Ordinal);
        Assert.Matches(P95Row(), issue.Body);
        Assert.Contains("| requests | `sum(increase(http_server_request_duration_seconds_count{", issue.Body, StringComparison.Ordinal);
        Assert.Matches(@"\| detected \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|", issue.Body);
        Assert.Matches(@"\| rolled back \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \((\d+)(\.\d)?s after detection\) \|", issue.Body);
        Assert.Contains("## Postmortem", issue.Body, StringComparison.Ordinal);
    }

    private T Running<T>(T server) where T : IDisposable
    {
        _running.Add(server);
        return server;
    }

    private static string Get(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return http.GetStringAsync(url).GetAwaiter().GetResult();
    }

    [GeneratedRegex("live: (blue|green)")]
    private static partial Regex LiveSlot();

    /// <summary>The p95 row of a verdict table that failed: its PromQL, the measured milliseconds, the budget.</summary>
    [GeneratedRegex(@"\| p95 latency \| `histogram_quantile\(0\.95, [^`]+` \| ([\d.]+) ms \| <= 500 ms \(slo\.latencyP95Ms\) \| fail \|")]
    private static partial Regex P95Row();

    public void Dispose()
    {
        foreach (var running in Enumerable.Reverse(_running))
            running.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>Users: about 30 requests a second to the business endpoint of the slot that serves them, not waiting on slow answers.</summary>
    private sealed class UserTraffic : IDisposable
    {
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private volatile string _target;

        public UserTraffic(string target)
        {
            _target = target;
            _loop = Task.Run(Send);
        }

        /// <summary>The base URL of the slot users reach now.</summary>
        public string Target
        {
            get => _target;
            set => _target = value;
        }

        private async Task Send()
        {
            var pending = new List<Task>();
            while (!_stop.IsCancellationRequested)
            {
                pending.Add(Request($"{Target}/items"));
                pending.RemoveAll(task => task.IsCompleted);
                await Task.Delay(30).ConfigureAwait(false);
            }
            await Task.WhenAll(pending).ConfigureAwait(false);
        }

        private async Task Request(string url)
        {
            try
            {
                using var _ = await _http.GetAsync(url).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait(TimeSpan.FromSeconds(15));
            _http.Dispose();
            _stop.Dispose();
        }
    }
}
