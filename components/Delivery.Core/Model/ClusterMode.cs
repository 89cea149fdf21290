namespace Delivery.Core.Model;

/// <summary>Where the cluster comes from (<c>cluster.mode</c>, spelled as <see cref="ClusterConfig.Modes"/> names it).</summary>
public enum ClusterMode
{
    /// <summary>A k3s server in a local Docker container.</summary>
    K3sDocker,

    /// <summary>A cluster the stack is given a kubeconfig for.</summary>
    Existing,
}
