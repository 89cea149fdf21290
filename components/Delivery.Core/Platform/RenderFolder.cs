using Delivery.Core.Kubernetes;

namespace Delivery.Core.Platform;

/// <summary>
/// A stack's rendering as files, the layout <c>deliver render --out</c> writes and the release
/// scan reads (tools/policy-check/scan-render.mjs): one file per component with objects
/// (<c>app-api.yaml</c>, <c>monitoring.yaml</c>, …), one per chart under <c>charts/</c> and one
/// description per Secret under <c>secrets/</c> (never its value). <c>Io/RenderFolderWriter</c> writes it.
/// </summary>
public static class RenderFolder
{
    public const string Charts = "charts";
    public const string Secrets = "secrets";

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
