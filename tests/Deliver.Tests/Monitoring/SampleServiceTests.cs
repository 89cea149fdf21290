using System.Globalization;
using System.Text.Json;
using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// verify judges a real app, not only a metrics generator: the sample service (samples/ShopApi) runs
/// on loopback twice, blue a good build and green a drill build answering a fifth of its requests
/// with 500, a real Prometheus scrapes both as the ServiceMonitor would label them (job, namespace,
/// slot, release id), and traffic goes to both; verify fails the green release on its 5xx ratio
/// and passes the blue one.
/// </summary>
public sealed class SampleServiceTests : IDisposable
{
    private const string App = SampleService.App;
    private static readonly TimeSpan Traffic = TimeSpan.FromSeconds(14);
    private readonly List<LocalServer> _servers = [];

    [Fact]
    public void Verify_fails_the_drill_build_and_passes_the_good_one_from_the_real_apps_metrics()
    {
        using var project = new GatesProject(new TestApp(App, "1.0.0", "1.1.0", "blue"));
        var stack = Assert.IsType<ValidStack>(Deliver.Workspace.Load(project.StackText, GatesProject.Stack, $"Pulumi.{GatesProject.Stack}.yaml").Stack);
        var blue = StartSample(stack, Slot.Blue, drillErrorRatio: 0);
        var green = StartSample(stack, Slot.Green, drillErrorRatio: 0.2);
        var prometheus = SampleService.Prometheus(stack, (Slot.Blue, blue), (Slot.Green, green));
        _servers.Add(prometheus);

        Drive(blue, green);
        var idle = Verify(project, prometheus, "idle");
        var live = Verify(project, prometheus, "live");

        Assert.True(idle.ExitCode == 1, idle.Output + idle.Error);
        Assert.Equal("fail", idle.Report.GetProperty("verdict").GetString());
        var errors = idle.Report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "5xx ratio");
        Assert.InRange(errors.GetProperty("value").GetDouble(), 0.15, 0.25);
        Assert.Equal(ReleaseId.Of(stack, App, Slot.Green), idle.Report.GetProperty("release").GetString());
        Assert.True(live.ExitCode == 0, live.Output + live.Error);
        Assert.Equal("pass", live.Report.GetProperty("verdict").GetString());
    }

    private LocalServer StartSample(ValidStack stack, Slot slot, double drillErrorRatio)
    {
        var server = SampleService.Start(stack, slot, new Dictionary<string, string> { ["SHOP_DRILL_ERROR_RATIO"] = drillErrorRatio.ToString(CultureInfo.InvariantCulture) });
        _servers.Add(server);
        return server;
    }

    /// <summary>About 30 requests a second to each slot's business endpoint for a window and more.</summary>
    private static void Drive(params LocalServer[] servers)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + Traffic;
        while (DateTime.UtcNow < until)
        {
            foreach (var server in servers)
                http.GetAsync($"{server.Url}/items").GetAwaiter().GetResult().Dispose();
            Thread.Sleep(30);
        }
    }

    private static (int ExitCode, string Output, string Error, JsonElement Report) Verify(GatesProject project, LocalServer prometheus, string slot)
    {
        var result = project.Deliver("verify", App, "--stack", GatesProject.Stack, "--prometheus", prometheus.Url, "--window", MonitoringFixture.Window, "--slot", slot, "--json");
        return (result.ExitCode, result.Output, result.Error, result.ExitCode == 2 ? default : JsonDocument.Parse(result.Output).RootElement);
    }

    public void Dispose()
    {
        foreach (var server in _servers)
            server.Dispose();
    }
}
