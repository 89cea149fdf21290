using Pulumi;

namespace Delivery.Components;

/// <summary>GitHub Actions or GitLab runners in their own namespace, with namespaced permissions only.</summary>
public sealed class CiRunners : RenderedComponent
{
    public CiRunners(string name, RenderedComponentArgs args, ComponentResourceOptions? options = null)
        : base("delivery:ci:CiRunners", name, args, options)
    {
        RegisterOutputs(new Dictionary<string, object?> { ["charts"] = args.Rendering.Charts.Select(c => c.ReleaseName).ToList() });
    }
}
