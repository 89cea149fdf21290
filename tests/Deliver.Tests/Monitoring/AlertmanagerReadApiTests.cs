using System.Net;
using System.Text;
using Delivery.Core.Monitoring;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// The release jobs' door into Alertmanager (<see cref="AlertmanagerReadApi"/>): the rendered
/// nginx.conf, run by a real nginx on loopback in front of the fixture's real Alertmanager. The
/// gate reads through it as it does in the cluster; every write a job could use to hide or fake an
/// alert gets 403 and never reaches Alertmanager. Debian's nginx (1.22 on bookworm) runs here, the
/// image runs 1.30: the config uses only directives both have.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class AlertmanagerReadApiTests(MonitoringFixture monitoring) : IDisposable
{
    private readonly LocalServer _proxy = LocalServer.Start("nginx", "nginx",
        (port, folder) =>
        {
            File.WriteAllText(Path.Combine(folder, "nginx.conf"), AlertmanagerReadApi.NginxConfig(port, new Uri(monitoring.AlertmanagerUrl).Port)
                .Replace("/tmp/", folder + "/", StringComparison.Ordinal));
            return ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", "stderr", "-g", "daemon off;"];
        },
        "/-/ready");

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public void The_gate_reads_the_alerts_through_it()
    {
        using var project = new GatesProject(new TestApp("healthy", "1.0.0", "", "blue"));
        project.Step("promote 1.1.0", "promote", "healthy", "1.1.0");

        var result = project.Deliver("gate", "--stack", GatesProject.Stack, "--alertmanager", _proxy.Url);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("pass: no critical alert of gates is firing", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/v2/alerts", "[]")]
    [InlineData("POST", "/api/v2/silences", "{}")]
    [InlineData("GET", "/api/v2/silences", null)]
    [InlineData("DELETE", "/api/v2/silence/0b1e2d3c-0000-0000-0000-000000000000", null)]
    [InlineData("POST", "/-/reload", null)]
    [InlineData("PUT", "/api/v2/alerts", "[]")]
    [InlineData("GET", "/api/v2/status", null)]
    [InlineData("GET", "/API/V2/ALERTS/../silences", null)]
    public void Every_other_request_is_refused_before_it_reaches_Alertmanager(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), _proxy.Url + path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = _http.Send(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void A_silence_posted_through_it_does_not_exist()
    {
        var before = SilenceCount();
        using var request = new HttpRequestMessage(HttpMethod.Post, _proxy.Url + "/api/v2/silences")
        {
            Content = new StringContent(
                $$"""{"matchers":[{"name":"alertname","value":"AppErrorBudgetFastBurn","isRegex":false,"isEqual":true}],"startsAt":"{{DateTime.UtcNow:o}}","endsAt":"{{DateTime.UtcNow.AddHours(1):o}}","createdBy":"a CI job","comment":"hide it"}""",
                Encoding.UTF8, "application/json"),
        };
        using var response = _http.Send(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, SilenceCount());
    }

    [Fact]
    public void The_rendered_config_passes_what_the_gate_reads_and_nothing_else()
    {
        var config = AlertmanagerReadApi.NginxConfig(AlertmanagerReadApi.Port, 9093);

        Assert.Equal(["/api/v2/alerts", "/-/ready"], AlertmanagerReadApi.PassedPaths);
        Assert.Equal(AlertmanagerReadApi.PassedPaths.Count, CountOf(config, "proxy_pass http://127.0.0.1:9093;"));
        Assert.Equal(AlertmanagerReadApi.PassedPaths.Count, CountOf(config, "limit_except GET {"));
        Assert.Contains($"listen {AlertmanagerReadApi.Port};", config, StringComparison.Ordinal);
    }

    private int SilenceCount()
    {
        var json = _http.GetStringAsync(monitoring.AlertmanagerUrl + "/api/v2/silences").GetAwaiter().GetResult();
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetArrayLength();
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public void Dispose()
    {
        _http.Dispose();
        _proxy.Dispose();
    }
}
