using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ShopApi.Tests;

/// <summary>The service in memory (its own Program, through the test host): health, readiness, the business endpoint and its metrics.</summary>
public sealed class EndpointTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client;

    public EndpointTests(WebApplicationFactory<Program> factory) => _client = factory.CreateClient();

    [Theory]
    [InlineData("/healthz", "ok\n")]
    [InlineData("/ready", "ready\n")]
    public async Task Health_and_readiness_answer(string path, string body) =>
        Assert.Equal(body, await _client.GetStringAsync(path));

    [Fact]
    public async Task Items_lists_the_catalogue()
    {
        var items = await _client.GetFromJsonAsync(new Uri("/items", UriKind.Relative), CatalogueJson.Default.ItemArray);

        Assert.Equal(Catalogue.Items, items);
    }

    [Fact]
    public async Task Metrics_carry_the_http_server_duration_of_served_requests()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/items", UriKind.Relative))).StatusCode);

        var metrics = await _client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/items\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_metrics_port_metrics_are_served_there_only()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting(MetricsPort.Variable, "9464"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/items", UriKind.Relative))).StatusCode);

        using var onTrafficPort = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = "localhost:8080" } };
        using var onMetricsPort = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = "localhost:9464" } };

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(onTrafficPort)).StatusCode);
        var metrics = await client.SendAsync(onMetricsPort);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_route=\"/items\"", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9464", 9464)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("70000", null)]
    [InlineData("-1", null)]
    public void The_metrics_port_is_a_port_number_or_none(string? value, int? port) =>
        Assert.Equal(port, MetricsPort.From(value));
}
