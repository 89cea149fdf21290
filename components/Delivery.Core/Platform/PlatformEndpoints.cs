using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Registry;

namespace Delivery.Core.Platform;

/// <summary>The addresses a stack exports: where images go, and where Grafana is served (empty without a host).</summary>
public sealed record PlatformEndpoints(string RegistryUrl, string GrafanaUrl)
{
    public static PlatformEndpoints Of(DeliveryConfig config, Tier tier) =>
        new(RegistryAddress.Of(config.Registry), GrafanaRoute.Url(config.Monitoring, tier));
}
