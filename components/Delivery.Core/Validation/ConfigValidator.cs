using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>Every rule over the bound model; all problems are returned, none stops the others.</summary>
public static class ConfigValidator
{
    public static IReadOnlyList<ConfigProblem> Validate(DeliveryConfig config, ValidationContext context) =>
    [
        .. EnvironmentRules.Check(config, context),
        .. ModeRules.ThenCheck("cluster", config.Cluster.Mode, ClusterConfig.Modes, () => ClusterRules.Check(config, context)),
        .. ModeRules.ThenCheck("registry", config.Registry.Mode, RegistryConfig.Modes, () => RegistryRules.Check(config, context)),
        .. ModeRules.ThenCheck("ci", config.Ci.Mode, CiConfig.Modes, () => CiRules.Check(config.Ci, context, buildRunners: Ci.CiRunnersRenderer.HasBuildRunners(config), releaseRunners: Ci.CiRunnersRenderer.HasReleaseRunners(config))),
        .. MonitoringRules.Check(config.Monitoring, context, grafanaRoles: Monitoring.GrafanaRoles.Any(config.Access)),
        .. AppRules.Check(config, context),
        .. AccessRules.Check(config.Access, context),
        .. VerifyRules.Check(ConfigPath.Root("verify"), config.Verify),
        .. ScanRules.Check(config.Release),
        .. TicketRules.Check(config.Release),
        .. ChatRules.Check(config.Release.Chat, context),
        .. IncidentRules.Check(config.Release.Incidents),
        .. HostRules.Check(config),
    ];
}
