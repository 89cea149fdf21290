using Delivery.Core.Kubernetes;

namespace Delivery.Core.Platform;

/// <summary>
/// A stack's rendering as files, the layout <c>deliver render --out</c> writes and the release
/// scan reads (tools/policy-check/scan-render.mjs): one file per component with objects
/// (<c>app-api.yaml</c>, <c>monitoring.yaml</c>, …), one per chart under <c>charts/</c> and one
/// description per Secret under <c>secrets/</c> (never its value).
/// </summary>
public static class RenderFolder
{
    public const string Charts = "charts";
    public const string Secrets = "secrets";

    /// <summary>Writes the files into <paramref name="folder"/>, which the caller has emptied of an earlier render.</summary>
    public static void Write(PlatformRendering rendering, string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, Charts));
        Directory.CreateDirectory(Path.Combine(folder, Secrets));
        foreach (var component in rendering.Components.Where(c => c.Objects.Count > 0))
            File.WriteAllText(Path.Combine(folder, $"{component.ResourceName}.yaml"), YamlWriter.WriteAll(component.Objects));
        foreach (var chart in rendering.Charts)
            File.WriteAllText(Path.Combine(folder, Charts, $"{chart.ReleaseName}.yaml"), "---\n" + YamlWriter.Write(ChartDocument(chart)));
        foreach (var component in rendering.Components)
        {
            foreach (var secret in component.Secrets)
                File.WriteAllText(Path.Combine(folder, Secrets, $"{secret.Namespace}-{secret.Name}.yaml"), "---\n" + YamlWriter.Write(SecretDescription.Of(secret, component.Component)));
        }
    }

    /// <summary>
    /// A chart as one document: release, chart, repository, pinned version, namespace, whether its
    /// CRDs are left out (only where they are, as <c>helm template --skip-crds</c> would need), and values.
    /// </summary>
    public static OrderedDictionary<string, object?> ChartDocument(HelmChartSpec chart) => Manifest.Map(
        ("release", chart.ReleaseName),
        ("chart", chart.Chart),
        ("repository", chart.Repository),
        ("version", chart.Version),
        ("namespace", chart.Namespace),
        ("skipCrds", chart.SkipCrds ? true : null),
        ("values", chart.Values));
}
