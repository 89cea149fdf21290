using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Network;

/// <summary>A host name routed through the cluster Gateway, the key that sets it, and the namespace whose route serves it.</summary>
public sealed record HostClaim(ConfigPath Path, string Host, string Namespace, string Example);

/// <summary>Who claims which host: the in-cluster registry, Grafana, each app with a host. One list for the rules and the Gateway's listeners.</summary>
public static class GatewayHosts
{
    public static IReadOnlyList<HostClaim> Of(DeliveryConfig config)
    {
        var claims = new List<HostClaim>();
        if (config.Registry.Kind == RegistryMode.InCluster && config.Registry.Host.Length > 0)
            claims.Add(new(ConfigPath.Root("registry").Key("host"), config.Registry.Host, PlatformNamespaces.Registry, "registry"));
        if (config.Monitoring.Enabled && config.Monitoring.GrafanaHost.Length > 0)
            claims.Add(new(ConfigPath.Root("monitoring").Key("grafanaHost"), config.Monitoring.GrafanaHost, PlatformNamespaces.Monitoring, "grafana"));
        foreach (var (name, app) in config.Apps.OrderBy(a => a.Key, StringComparer.Ordinal).Where(a => a.Value.Host.Length > 0))
            claims.Add(new(ConfigPath.Root("apps").Key(name).Key("host"), app.Host, PlatformNamespaces.Apps, name));
        return claims;
    }
}
