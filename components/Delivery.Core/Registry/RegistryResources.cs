using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Registry;

/// <summary>Requests and limits of the registry container, by tier (<see cref="TierProfile.RegistryContainer"/>): pushes of large layers need memory headroom.</summary>
public static class RegistryResources
{
    public static OrderedDictionary<string, object?> For(Tier tier) => TierProfile.For(tier).RegistryContainer.Resources();

    /// <summary>The same size as numbers, for the registry namespace's quota.</summary>
    public static PodResources Size(Tier tier) => PodResources.Of(TierProfile.For(tier).RegistryContainer);
}
