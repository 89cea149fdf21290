using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Ci;
using Delivery.Core.Tests.Cluster;

namespace Delivery.Core.Tests.Charts;

/// <summary>Every chart release the platform can declare: the committed stacks' and each CI mode's.</summary>
internal static class PinnedCharts
{
    private static readonly Lazy<IReadOnlyList<PlatformRendering>> Rendered = new(() =>
    [
        .. ClusterFixtures.CommittedStacks.Select(stack =>
        {
            var valid = ClusterFixtures.Stack(stack);
            return PlatformRenderer.Render(valid);
        }),
        .. CiFixtures.Variants().Select(variant => PlatformRenderer.Render(variant.Config.Valid(Tier.Dev))),
    ]);

    /// <summary>The committed stacks' renderings and each CI variant's.</summary>
    public static IReadOnlyList<PlatformRendering> Renderings() => Rendered.Value;

    public static IReadOnlyList<HelmChartSpec> All() => [.. Renderings().SelectMany(rendering => rendering.Charts)];

    /// <summary>One spec per chart version (the first seen).</summary>
    public static IReadOnlyList<HelmChartSpec> Versions() =>
        [.. All().GroupBy(spec => (ChartFacts.ChartName(spec.Chart), spec.Version)).Select(group => group.First())];

    /// <summary>The facts of the chart a release runs, and of the subcharts it brings.</summary>
    public static IEnumerable<ChartFacts> FactsOf(HelmChartSpec spec)
    {
        var facts = ChartFacts.Of(ChartFacts.ChartName(spec.Chart), spec.Version);
        var parent = Path.GetFileNameWithoutExtension(ChartFacts.FileName(facts.Chart, facts.Version));
        return [facts, .. ChartFacts.Files.Values.Where(sub => sub.Parent == parent)];
    }

    /// <summary>The pods a release runs with its values, the chart's and its subcharts'.</summary>
    public static IEnumerable<Workload> Workloads(HelmChartSpec spec) => FactsOf(spec).SelectMany(facts => facts.ActiveWorkloads(spec.Values));

    /// <summary>The grants a release makes with its values.</summary>
    public static IEnumerable<Grant> Grants(HelmChartSpec spec) => FactsOf(spec).SelectMany(facts => facts.ActiveGrants(spec.Values));
}
