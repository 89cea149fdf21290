using Pulumi;

namespace Delivery.Components;

/// <summary>The registry (in-cluster, or the pull and push credentials of a local or external one).</summary>
public sealed class ContainerRegistry : RenderedComponent
{
    public ContainerRegistry(string name, ContainerRegistryArgs args, ComponentResourceOptions? options = null)
        : base("delivery:registry:ContainerRegistry", name, args.Resources, options)
    {
        Url = Output.Create(args.Url);
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url });
    }

    /// <summary>The registry address images are pushed to and pulled from.</summary>
    [Output("url")]
    public Output<string> Url { get; private set; }
}

public sealed record ContainerRegistryArgs(RenderedComponentArgs Resources, string Url);
