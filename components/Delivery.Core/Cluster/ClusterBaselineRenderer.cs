using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Cluster;

/// <summary>
/// What every cluster gets before anything runs on it: the platform namespaces it uses with their Pod
/// Security levels, resource budgets, default-deny network policies with the platform's allows,
/// and the Gateway (Envoy Gateway, its GatewayClass and the shared Gateway).
/// </summary>
public static class ClusterBaselineRenderer
{
    public const string Component = "cluster-baseline";

    public static ComponentRendering Render(ValidStack stack) =>
        new(Component,
            [
                .. PlatformNamespaceObjects.InUse(stack.Config).Select(PlatformNamespaceObjects.Render),
                .. ResourceBudgets.Render(stack),
                .. BaselineNetworkPolicies.Render(stack.Config),
                .. GatewayObjects.Render(stack),
                .. AccessRbac.Render(stack.Config.Access, PlatformNamespaceObjects.InUse(stack.Config)),
            ],
            [EnvoyGatewayChart.Render(stack.Config)],
            [],
            []);
}
