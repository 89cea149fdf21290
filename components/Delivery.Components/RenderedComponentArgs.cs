using Delivery.Core.Kubernetes;
using Pulumi;

namespace Delivery.Components;

/// <summary>
/// What every platform component hands to Pulumi: the core's rendering, the stack's one Kubernetes
/// provider, what must exist first, and whether its stateful resources are protected.
/// </summary>
public sealed record RenderedComponentArgs(
    ComponentRendering Rendering,
    ProviderResource Provider,
    IReadOnlyList<Resource> DependsOn,
    bool Protect);
