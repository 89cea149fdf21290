using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Registry;

/// <summary>Requests and limits of the registry container, by tier (<see cref="TierProfile.RegistryContainer"/>): pushes of large layers need memory headroom.</summary>
public static class RegistryResources
{
    public static OrderedDictionary<string, object?> For(TierProfile profile) => profile.RegistryContainer.Resources();

    /// <summary>The same size as numbers, for the registry namespace's quota.</summary>
    public static PodResources Size(TierProfile profile) => PodResources.Of(profile.RegistryContainer);
}
