using System.Collections.Immutable;
using Pulumi;

namespace Delivery.Components;

/// <summary>GitHub Actions or GitLab runners in their own namespace, with namespaced permissions only.</summary>
public sealed class CiRunners : RenderedComponent
{
    public CiRunners(string name, RenderedComponentArgs args, ComponentResourceOptions? options = null)
        : base("delivery:ci:CiRunners", name, args, options)
    {
        Charts = Output.Create(args.Rendering.Charts.Select(c => c.ReleaseName).ToImmutableArray());
        RegisterOutputs(new Dictionary<string, object?> { ["charts"] = Charts });
    }

    /// <summary>The Helm releases the runners are installed as (none without runners).</summary>
    [Output("charts")]
    public Output<ImmutableArray<string>> Charts { get; private set; }
}
