using System.Collections.Immutable;
using Pulumi;

namespace Delivery.Components;

/// <summary>Namespaces, quotas, network policies, the Gateway API implementation and the cluster Gateway.</summary>
public sealed class ClusterBaseline : RenderedComponent
{
    public ClusterBaseline(string name, RenderedComponentArgs args, ComponentResourceOptions? options = null)
        : base("delivery:cluster:ClusterBaseline", name, args, options)
    {
        Namespaces = Output.Create(args.Rendering.Objects.Where(o => o.Kind == "Namespace").Select(o => o.Name).ToImmutableArray());
        RegisterOutputs(new Dictionary<string, object?> { ["namespaces"] = Namespaces });
    }

    /// <summary>The platform namespaces this stack uses (only those it runs something in).</summary>
    [Output("namespaces")]
    public Output<ImmutableArray<string>> Namespaces { get; private set; }
}
