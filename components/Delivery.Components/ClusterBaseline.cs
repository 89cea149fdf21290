using Pulumi;

namespace Delivery.Components;

/// <summary>Namespaces, quotas, network policies, the Gateway API implementation and the cluster Gateway.</summary>
public sealed class ClusterBaseline : RenderedComponent
{
    public ClusterBaseline(string name, RenderedComponentArgs args, ComponentResourceOptions? options = null)
        : base("delivery:cluster:ClusterBaseline", name, args, options)
    {
        RegisterOutputs(new Dictionary<string, object?> { ["objects"] = args.Rendering.Objects.Count });
    }
}
