using System.Text.RegularExpressions;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// Alertmanager's read-only door as the chart gets it: the sidecar and its volumes in
/// <c>alertmanagerSpec</c> (which kube-prometheus-stack 72.9.1 copies into the Alertmanager
/// resource, and the operator appends as a container of its own), its port on the Service, its
/// ConfigMap beside them, and the release workflows pointed at that port. Run against a real
/// Alertmanager by Deliver.Tests' AlertmanagerReadApiTests.
/// </summary>
public sealed partial class AlertmanagerReadApiRenderingTests
{
    private static ComponentRendering Rendered() => MonitoringRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev));

    private static OrderedDictionary<string, object?> Alertmanager() =>
        (OrderedDictionary<string, object?>)Rendered().Charts.Single(c => c.ReleaseName == "kube-prometheus-stack").Values["alertmanager"]!;

    private static OrderedDictionary<string, object?> Map(object? value) => Assert.IsType<OrderedDictionary<string, object?>>(value);

    [Fact]
    public void The_sidecar_runs_restricted_from_its_own_config_map_and_listens_on_the_read_port()
    {
        var spec = Map(Alertmanager()["alertmanagerSpec"]);
        var sidecar = Map(Assert.Single(Assert.IsType<List<object?>>(spec["containers"])));
        var volumes = Assert.IsType<List<object?>>(spec["volumes"]).Select(Map).ToList();
        var configMap = Assert.Single(Rendered().Objects, o => o.Kind == "ConfigMap" && o.Name == AlertmanagerReadApi.ConfigMapName);

        Assert.Equal(AlertmanagerReadApi.Image, sidecar["image"]);
        Assert.Equal(AlertmanagerReadApi.Port, Map(Assert.Single(Assert.IsType<List<object?>>(sidecar["ports"])))["containerPort"]);
        Assert.Equal(true, Map(sidecar["securityContext"])["readOnlyRootFilesystem"]);
        Assert.Equal(PlatformNamespaces.Monitoring, configMap.Namespace);
        Assert.Equal(AlertmanagerReadApi.NginxConfig(AlertmanagerReadApi.Port, 9093), Map(configMap.Body["data"])["nginx.conf"]);
        Assert.Contains(volumes, v => v.TryGetValue("configMap", out var source) && Equals(Map(source)["name"], AlertmanagerReadApi.ConfigMapName));
        // Every volume the sidecar mounts is one of its own, named apart from the operator's.
        Assert.All(Assert.IsType<List<object?>>(sidecar["volumeMounts"]).Select(Map), mount => Assert.Contains(volumes, v => Equals(v["name"], mount["name"])));
        SchemaCheck.AssertValid([configMap]);
    }

    [Fact]
    public void The_service_names_the_read_port_for_the_release_jobs()
    {
        var port = Map(Assert.Single(Assert.IsType<List<object?>>(Map(Alertmanager()["service"])["additionalPorts"])));

        Assert.Equal((AlertmanagerReadApi.PortName, AlertmanagerReadApi.Port, AlertmanagerReadApi.PortName), (port["name"], port["port"], port["targetPort"]));
    }

    [Theory]
    [InlineData(".github/workflows/deploy.yml")]
    [InlineData(".gitlab-ci.yml")]
    public void The_release_workflows_query_Alertmanager_on_the_read_port_the_only_one_release_jobs_reach(string workflow)
    {
        var urls = AlertmanagerUrl().Matches(File.ReadAllText(Path.Combine(TestRepository.Root(), workflow))).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, port => Assert.Equal(AlertmanagerReadApi.Port, port));
    }

    [GeneratedRegex(@"ALERTMANAGER_URL: http://[a-z0-9.-]+:(\d+)")]
    private static partial Regex AlertmanagerUrl();
}
