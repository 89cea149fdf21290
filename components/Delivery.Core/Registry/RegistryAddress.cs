using System.Globalization;
using Delivery.Core.Model;

namespace Delivery.Core.Registry;

/// <summary>The registry host (and path) that image references start with, per registry mode.</summary>
public static class RegistryAddress
{
    /// <summary>
    /// The local registry's name: <c>*.localhost</c> resolves to loopback on the host (for pushes),
    /// and k3s maps the same name to the registry container (its registries.yaml), so one image
    /// reference works on both sides.
    /// </summary>
    public const string LocalHostName = "registry.localhost";

    public static string Of(RegistryConfig registry) => registry.Kind switch
    {
        RegistryMode.Docker => $"{LocalHostName}:{registry.HostPort.ToString(CultureInfo.InvariantCulture)}",
        RegistryMode.InCluster => registry.Host,
        _ => registry.Url.TrimEnd('/'),
    };
}
