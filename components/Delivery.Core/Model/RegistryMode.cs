namespace Delivery.Core.Model;

/// <summary>Where the registry runs (<c>registry.mode</c>, spelled as <see cref="RegistryConfig.Modes"/> names it).</summary>
public enum RegistryMode
{
    /// <summary>A registry container beside the local k3s cluster.</summary>
    Docker,

    /// <summary>A registry Deployment in the cluster, behind the Gateway.</summary>
    InCluster,

    /// <summary>A registry the team runs elsewhere.</summary>
    External,
}
