using Delivery.Core.Apps;
using Delivery.Core.Ci;
using Delivery.Core.Cluster;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Registry;

namespace Delivery.Core.Platform;

/// <summary>
/// The whole stack from its validated config: the same components, objects and charts the Pulumi
/// shell declares, and the CLI renders and diffs.
/// </summary>
public static class PlatformRenderer
{
    public static PlatformRendering Render(DeliveryConfig config, Tier tier) =>
        new(
            [
                ClusterBaselineRenderer.Render(config, tier),
                RegistryRenderer.Render(config, tier),
                CiRunnersRenderer.Render(config, tier),
                MonitoringRenderer.Render(config, tier),
                .. AppRenderer.RenderAll(config, tier),
            ],
            LocalDocker.Render(config));
}
