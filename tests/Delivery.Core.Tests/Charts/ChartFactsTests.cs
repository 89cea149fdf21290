namespace Delivery.Core.Tests.Charts;

/// <summary>
/// Each pinned chart version has facts read from its real source, so an upgrade brings its facts
/// in the same commit, and no facts file outlives its pin.
/// </summary>
public sealed class ChartFactsTests
{
    public static TheoryData<string> PinnedVersions() => [.. PinnedCharts.Versions().Select(spec => $"{ChartFacts.ChartName(spec.Chart)}@{spec.Version}")];

    [Theory]
    [MemberData(nameof(PinnedVersions))]
    public void Every_pinned_chart_version_has_facts_read_from_a_released_commit(string pinned)
    {
        var (chart, version) = (pinned[..pinned.IndexOf('@')], pinned[(pinned.IndexOf('@') + 1)..]);

        var facts = ChartFacts.Of(chart, version);

        Assert.Equal((chart, version), (facts.Chart, facts.Version));
        Assert.False(string.IsNullOrWhiteSpace(facts.Released), $"{pinned}: say where the release is listed (its tag or index entry)");
        if (facts.Unverified is null)
        {
            Assert.True(ChartFacts.IsCommit(facts.Source.Commit), $"{pinned}: source.commit must be the 40-hex commit read");
            Assert.NotEmpty(facts.Workloads);
        }
    }

    [Fact]
    public void Every_facts_file_belongs_to_a_pinned_chart_or_to_a_pinned_charts_subchart()
    {
        var pinned = PinnedCharts.Versions().Select(spec => ChartFacts.FileName(ChartFacts.ChartName(spec.Chart), spec.Version)).ToHashSet();

        Assert.All(ChartFacts.Files, file =>
        {
            Assert.Equal(ChartFacts.FileName(file.Value.Chart, file.Value.Version), file.Key);
            Assert.True(pinned.Contains(file.Key) || (file.Value.Parent is { } parent && pinned.Contains(parent + ".yaml")),
                $"docs/charts/{file.Key} is for no pinned chart: delete it with the pin it described");
        });
    }

    /// <summary>Where facts could not be read from the source, the file says why, and only that chart may.</summary>
    [Fact]
    public void Only_charts_whose_source_cannot_be_read_here_are_unverified()
    {
        var unverified = ChartFacts.Files.Values.Where(f => f.Unverified is not null).Select(f => f.Chart);

        Assert.Equal(["gitlab-runner"], unverified);
    }

    /// <summary>
    /// Objects a chart renders only when the cluster already serves their API are missing from a
    /// preview or first apply of a new cluster: nothing the alerts depend on may be one of them.
    /// </summary>
    [Fact]
    public void No_monitoring_object_the_platform_relies_on_is_capability_gated()
    {
        var gated = PinnedCharts.All().SelectMany(spec => PinnedCharts.FactsOf(spec).SelectMany(f => f.ActiveGates(spec.Values)).Select(g => $"{spec.ReleaseName}: {g.Kind} needs {g.Needs}"))
            .Where(gate => gate.Contains("monitoring.coreos.com", StringComparison.Ordinal)).Distinct();

        Assert.Empty(gated);
    }

    [Fact]
    public void A_condition_reads_the_release_value_or_the_charts_default()
    {
        var values = Delivery.Core.Kubernetes.Manifest.Map(
            ("rbac", Delivery.Core.Kubernetes.Manifest.Map(("namespaced", true))),
            ("collectors", Delivery.Core.Kubernetes.Manifest.List("pods", "nodes")));

        Assert.False(new Condition { Path = "rbac.namespaced", Is = "false", Unset = true }.HoldsFor(values));
        Assert.True(new Condition { Path = "rbac.create", Is = "true", Unset = true }.HoldsFor(values));
        Assert.False(new Condition { Path = "collectors", Contains = "secrets", Unset = true }.HoldsFor(values));
        Assert.True(new Condition { Path = "collectors", Contains = "pods" }.HoldsFor(values));
        Assert.False(new Condition { Path = "collectors", Unset = true }.HoldsFor(values));
        Assert.True(new Condition { Path = "watch.namespaces", Unset = true }.HoldsFor(values));
    }

    [Theory]
    [MemberData(nameof(PinnedVersions))]
    public void The_component_table_names_each_pinned_chart_at_its_version(string pinned)
    {
        var (chart, version) = (pinned[..pinned.IndexOf('@')], pinned[(pinned.IndexOf('@') + 1)..]);
        var rows = File.ReadAllLines(Path.Combine(TestRepository.Root(), "docs", "platform.md")).Where(line => line.StartsWith("| `", StringComparison.Ordinal) && line.Contains(chart, StringComparison.Ordinal));

        // The version follows one of the chart's mentions closely: "loki 6.29.0", "gateway-helm` v1.6.3",
        // "gha-runner-scale-set-controller` and `gha-runner-scale-set` 0.13.0".
        static bool NamesVersion(string row, string chart, string version) =>
            Enumerable.Range(0, row.Length).Where(i => string.CompareOrdinal(row, i, chart, 0, chart.Length) == 0)
                .Any(i => row.Substring(i, Math.Min(80, row.Length - i)).Contains(version, StringComparison.Ordinal));
        Assert.True(rows.Any(row => NamesVersion(row, chart, version)),
            $"docs/platform.md's component table does not name {chart} at {version}");
    }
}
