using Delivery.Core.Configuration;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Incidents;

/// <summary>The Grafana dashboards an incident links: each of its apps' and the stack's releases; none without a Grafana host.</summary>
public static class IncidentDashboards
{
    public static IReadOnlyList<(string Name, string Url)> For(ValidStack stack, string app) => For(stack, [app]);

    public static IReadOnlyList<(string Name, string Url)> For(ValidStack stack, IEnumerable<string> apps)
    {
        var grafana = GrafanaRoute.Url(stack.Config.Monitoring, stack.Profile);
        return !stack.Config.Monitoring.Enabled || grafana.Length == 0
            ? []
            : [.. apps.Distinct().Order(StringComparer.Ordinal).Select(app => ($"App: {app}", GrafanaDashboards.Link(grafana, AppDashboard.Uid(app)))),
                ("Releases", GrafanaDashboards.Link(grafana, ReleasesDashboard.Uid))];
    }
}
