using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The monitoring component: its charts, the platform-level alert rules and dashboards, Grafana's
/// generated admin password, the Secrets the shell creates (Grafana's admin, the configured
/// receivers' secrets) and the apps' log alert rules for Loki. Each app's own PrometheusRule comes with the app (<see cref="AppAlertRules"/>).
/// </summary>
public static class MonitoringRenderer
{
    public const string Component = "monitoring";

    /// <summary>Grafana's admin user; its password is generated.</summary>
    public const string GrafanaAdminUser = "admin";

    public static readonly GeneratedPassword GrafanaAdminPassword = new("grafana-admin");

    public static ComponentRendering Render(ValidStack stack)
    {
        if (!stack.Config.Monitoring.Enabled)
            return ComponentRendering.Empty(Component);
        List<SecretSpec> secrets = [GrafanaAdminSecret()];
        if (AlertmanagerConfig.ReceiverSecret(stack.Config) is { } receiverSecret)
            secrets.Add(receiverSecret);
        if (GrafanaAccessPolicy.OidcSecret(stack.Config.Monitoring) is { } oidc)
            secrets.Add(oidc);
        return new ComponentRendering(
            Component,
            [
                AlertmanagerReadApi.ConfigMap(),
                VulnerabilityAlertRules.Render(),
                TrivyOperatorMetrics.Render(),
                .. CiRunnerMonitors.Render(stack.Config),
                ReleaseAlertRules.Render(),
                .. GrafanaDashboards.Render(stack.Config),
                .. LogAlerts(stack),
                GrafanaSidecarRbac.Role(),
                .. LokiRulesRbac.Render(),
                .. AlloyRbac.Render(),
                .. GrafanaRoute.Render(stack.Config.Monitoring, stack.Profile) is { } route ? [route] : Array.Empty<KubernetesObject>(),
                .. GrafanaAccessPolicy.Render(stack) is { } access ? [access] : Array.Empty<KubernetesObject>(),
            ],
            MonitoringCharts.Render(stack),
            secrets,
            [GrafanaAdminPassword]);
    }

    /// <summary>The apps' log alert rules, for Loki's ruler in this namespace.</summary>
    private static IEnumerable<KubernetesObject> LogAlerts(ValidStack stack) =>
        stack.Apps.Values.Select(LogAlertRules.Render).OfType<KubernetesObject>();

    private static SecretSpec GrafanaAdminSecret() =>
        new(MonitoringCharts.GrafanaAdminSecret, PlatformNamespaces.Monitoring, "Opaque", StandardLabels.Shared("grafana", Component),
        [
            // The user name is no secret, but the chart reads both keys from the one Secret.
            new SecretEntry(MonitoringCharts.GrafanaAdminUserKey, new LiteralSource(GrafanaAdminUser)),
            new SecretEntry(MonitoringCharts.GrafanaAdminPasswordKey, new GeneratedPasswordSource(GrafanaAdminPassword.Name)),
        ]);
}
