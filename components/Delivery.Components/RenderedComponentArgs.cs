using Delivery.Core.Kubernetes;
using Pulumi;

namespace Delivery.Components;

/// <summary>
/// What every platform component hands to Pulumi: the core's rendering, the stack's one Kubernetes
/// provider, what must exist first, whether its stateful resources are protected, and the images
/// the local stack built for it.
/// </summary>
public sealed record RenderedComponentArgs(
    ComponentRendering Rendering,
    ProviderResource Provider,
    IReadOnlyList<Resource> DependsOn,
    bool Protect)
{
    /// <summary>Image name → its pushed <c>repository@sha256:…</c>: the objects' containers run that digest (LocalImageBuilds.Pin).</summary>
    public IReadOnlyDictionary<string, Output<string>> RepoDigests { get; init; } = new Dictionary<string, Output<string>>();
}
