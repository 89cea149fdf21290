namespace Delivery.Core.Kubernetes;

/// <summary>
/// Everything one platform component (or one app) deploys: plain objects for a ConfigGroup, Helm
/// charts, the Secrets the shell must create from secret sources, and the passwords it must generate.
/// Charts are applied in list order, so a chart that installs CRDs comes before the charts using them.
/// </summary>
public sealed record ComponentRendering(
    string Component,
    IReadOnlyList<KubernetesObject> Objects,
    IReadOnlyList<HelmChartSpec> Charts,
    IReadOnlyList<SecretSpec> Secrets,
    IReadOnlyList<GeneratedPassword> Passwords)
{
    public static ComponentRendering Empty(string component) => new(component, [], [], [], []);

    /// <summary>The component's name where a ':' cannot stand: its Pulumi resource and its render file (<c>app:web</c> → <c>app-web</c>).</summary>
    public string ResourceName => Component.Replace(':', '-');
}
