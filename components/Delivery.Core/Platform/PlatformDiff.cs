using Delivery.Core.Kubernetes;

namespace Delivery.Core.Platform;

/// <summary>The rendering diff of two whole stacks: objects, plus Helm releases as <c>HelmRelease/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
public static class PlatformDiff
{
    public static RenderingDiff Between(PlatformRendering before, PlatformRendering after)
    {
        var objects = RenderingDiff.Between(before.Objects, after.Objects);
        var charts = RenderingDiff.Between(before.Charts.Select(AsObject), after.Charts.Select(AsObject));
        return new RenderingDiff(
            [.. objects.Added.Concat(charts.Added).Order(StringComparer.Ordinal)],
            [.. objects.Removed.Concat(charts.Removed).Order(StringComparer.Ordinal)],
            [.. objects.Changed.Concat(charts.Changed).Order(StringComparer.Ordinal)]);
    }

    /// <summary>A chart spec in object form, so the same diff compares chart, version, whether it skips its CRDs, and values.</summary>
    private static KubernetesObject AsObject(HelmChartSpec chart) =>
        Manifest.Object("helm.sh/v3", "HelmRelease", chart.ReleaseName, chart.Namespace, new Dictionary<string, string>(),
            ("chart", chart.Chart), ("repository", chart.Repository), ("version", chart.Version), ("skipCrds", chart.SkipCrds), ("values", chart.Values));
}
