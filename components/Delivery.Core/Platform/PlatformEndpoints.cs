using Delivery.Core.Configuration;
using Delivery.Core.Monitoring;
using Delivery.Core.Registry;

namespace Delivery.Core.Platform;

/// <summary>The addresses a stack exports: where images go, and where Grafana is served (empty without a host).</summary>
public sealed record PlatformEndpoints(string RegistryUrl, string GrafanaUrl)
{
    public static PlatformEndpoints Of(ValidStack stack) =>
        new(RegistryAddress.Of(stack.Config.Registry), GrafanaRoute.Url(stack.Config.Monitoring, stack.Profile));
}
