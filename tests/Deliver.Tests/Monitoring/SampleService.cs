using System.Globalization;
using System.Text;
using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// The sample service (samples/ShopApi, as built with this test assembly) running one slot of the app
/// "shop" on loopback, labelled as the platform labels its pods (slot, release id), and a real Prometheus
/// scraping such slots every second as the app's ServiceMonitor labels their series.
/// </summary>
internal static class SampleService
{
    public const string App = "shop";

    /// <param name="drill">The drill settings (SHOP_DRILL_LATENCY_MS, SHOP_DRILL_ERROR_RATIO) that make this build slow or failing.</param>
    public static LocalServer Start(ValidStack stack, Slot slot, IReadOnlyDictionary<string, string> drill)
    {
        var dll = Path.Combine(TestRepository.Root(), "samples", "ShopApi", "bin", BuildConfiguration(), "net10.0", "ShopApi.dll");
        Assert.True(File.Exists(dll), $"the sample service is not built: {dll} (dotnet build tests/Deliver.Tests builds it)");
        var environment = new Dictionary<string, string>(drill)
        {
            ["OTEL_SERVICE_NAME"] = App,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"delivery.slot={Slots.Name(slot)},delivery.release={ReleaseId.Of(stack, App, slot)}",
        };
        return LocalServer.Start("dotnet", "dotnet-sdk-10.0", (port, _) => [dll, "--urls", $"http://127.0.0.1:{port}"], "/ready", environment: environment);
    }

    /// <summary>A real Prometheus scraping each slot every second, labelled as the app's ServiceMonitor labels its pods' series.</summary>
    public static LocalServer Prometheus(ValidStack stack, params (Slot Slot, LocalServer Server)[] slots) =>
        LocalServer.Start("prometheus", "prometheus",
            (port, folder) => [$"--config.file={folder}/prometheus.yml", $"--storage.tsdb.path={folder}/data", $"--web.listen-address=127.0.0.1:{port}"],
            "/-/ready", folder => File.WriteAllText(Path.Combine(folder, "prometheus.yml"), PrometheusConfig(stack, slots)));

    /// <summary>The configuration this test assembly was built in (Debug or Release): the sample is built in the same.</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string PrometheusConfig(ValidStack stack, (Slot Slot, LocalServer Server)[] slots)
    {
        var yaml = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  - job_name: {App}");
        yaml.AppendLine("    static_configs:");
        foreach (var (slot, server) in slots)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      - targets: [\"127.0.0.1:{server.Port}\"]");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        labels: {{namespace: apps, {AppSeries.SlotLabel}: {Slots.Name(slot)}, {AppSeries.ReleaseLabel}: \"{ReleaseId.Of(stack, App, slot)}\"}}");
        }
        return yaml.ToString();
    }
}
