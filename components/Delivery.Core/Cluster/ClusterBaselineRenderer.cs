using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Cluster;

/// <summary>
/// What every cluster gets before anything runs on it: the platform namespaces it uses with their Pod
/// Security levels, resource budgets, default-deny network policies with the platform's allows,
/// and the Gateway (Envoy Gateway, its GatewayClass and the shared Gateway).
/// </summary>
public static class ClusterBaselineRenderer
{
    public const string Component = "cluster-baseline";

    public static ComponentRendering Render(DeliveryConfig config, Tier tier) =>
        new(Component,
            [
                .. PlatformNamespaceObjects.InUse(config).Select(PlatformNamespaceObjects.Render),
                .. ResourceBudgets.Render(config, tier),
                .. BaselineNetworkPolicies.Render(config),
                .. GatewayObjects.Render(config, tier),
                .. AccessRbac.Render(config.Access, PlatformNamespaceObjects.InUse(config)),
            ],
            [EnvoyGatewayChart.Render(config)],
            [],
            []);
}
