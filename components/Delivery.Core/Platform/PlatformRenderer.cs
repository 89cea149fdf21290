using Delivery.Core.Apps;
using Delivery.Core.Ci;
using Delivery.Core.Cluster;
using Delivery.Core.Configuration;
using Delivery.Core.Monitoring;
using Delivery.Core.Registry;

namespace Delivery.Core.Platform;

/// <summary>
/// The whole stack from its validated config: the same components, objects and charts the Pulumi
/// shell declares, and the CLI renders and diffs.
/// </summary>
public static class PlatformRenderer
{
    public static PlatformRendering Render(ValidStack stack) =>
        new(
            [
                ClusterBaselineRenderer.Render(stack),
                RegistryRenderer.Render(stack),
                CiRunnersRenderer.Render(stack),
                MonitoringRenderer.Render(stack),
                .. AppRenderer.RenderAll(stack),
            ],
            LocalDocker.Render(stack.Config));
}
