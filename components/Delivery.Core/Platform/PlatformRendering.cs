using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Platform;

/// <summary>Everything a stack deploys: its components in apply order, and the local Docker resources (local stack only).</summary>
public sealed record PlatformRendering(IReadOnlyList<ComponentRendering> Components, LocalDockerSpec? LocalDocker)
{
    public IEnumerable<KubernetesObject> Objects => Components.SelectMany(c => c.Objects);

    public IEnumerable<HelmChartSpec> Charts => Components.SelectMany(c => c.Charts);
}
