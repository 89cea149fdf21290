using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ShopApi;

// The platform sets OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (service.version, delivery.slot,
// delivery.release) on every pod; the OpenTelemetry SDK reads both.
var builder = WebApplication.CreateSlimBuilder(args);
var release = ResourceAttributes.Attribute(Environment.GetEnvironmentVariable("OTEL_RESOURCE_ATTRIBUTES"), "delivery.release") ?? "unknown";
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? "shop-api"))
    // ASP.NET Core's own meter: http.server.request.duration, exported as http_server_request_duration_seconds.
    .WithMetrics(metrics => metrics.AddMeter("Microsoft.AspNetCore.Hosting").AddPrometheusExporter());

var app = builder.Build();
var logger = app.Logger;
var drill = Drill.FromEnvironment(Environment.GetEnvironmentVariable);
var requests = 0L;

// Every log line of a request carries the release, so Loki can tell two builds apart.
app.Use(async (context, next) =>
{
    using (logger.BeginScope(new Dictionary<string, object> { ["release"] = release }))
        await next(context);
});
app.MapGet("/healthz", () => Results.Text("ok\n"));
app.MapGet("/ready", () => Results.Text("ready\n"));
app.MapGet("/items", async () =>
{
    var request = Interlocked.Increment(ref requests);
    if (drill.Latency > TimeSpan.Zero)
        await Task.Delay(drill.Latency);
    if (drill.Fails(request))
    {
        logger.LogWarning("items failed by the drill ({Ratio})", drill.ErrorRatio);
        return Results.StatusCode(StatusCodes.Status500InternalServerError);
    }
    return Results.Json(Catalogue.Items, CatalogueJson.Default.ItemArray);
});
var metrics = app.MapPrometheusScrapingEndpoint();
if (MetricsPort.From(builder.Configuration[MetricsPort.Variable]) is { } metricsPort)
    metrics.RequireHost($"*:{metricsPort}");
app.Run();
