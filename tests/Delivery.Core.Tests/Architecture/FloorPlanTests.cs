using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Architecture;

/// <summary>The core keeps its floor plan (<see cref="FloorPlan"/>): no folder uses one it may not.</summary>
public sealed class FloorPlanTests
{
    private const string Core = "Delivery.Core";

    /// <summary>A small layout in this assembly with one back edge (<see cref="Sample.Kubernetes.LabelsThatReachUp"/>).</summary>
    private const string SampleRoot = "Delivery.Core.Tests.Architecture.Sample";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> CoreArchitecture =
        new(() => new ArchLoader().LoadAssemblies(typeof(DeliveryConfig).Assembly).Build());

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> TestArchitecture =
        new(() => new ArchLoader().LoadAssemblies(typeof(FloorPlanTests).Assembly).Build());

    public static TheoryData<string> Folders => [.. FloorPlan.Beneath.Keys];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_below_it(string folder) =>
        FloorPlan.Rules(Core).Single(rule => rule.Folder == folder).Rule.Check(CoreArchitecture.Value);

    [Fact]
    public void Every_folder_of_the_core_is_in_the_plan()
    {
        var folders = FloorPlan.FoldersOf(CoreArchitecture.Value, Core);

        Assert.Empty(folders.Except(FloorPlan.Beneath.Keys));
        Assert.Contains("Io", folders);
    }

    [Fact]
    public void Nothing_in_the_core_uses_its_io()
    {
        Assert.All(FloorPlan.Beneath.Keys.Where(folder => folder != "Io"), folder => Assert.DoesNotContain("Io", FloorPlan.MayUse(folder)));
    }

    [Fact]
    public void The_architecture_doc_draws_the_same_arrows()
    {
        var doc = File.ReadAllText(Path.Combine(TestRepository.Root(), "docs", "ARCHITECTURE.md"));
        var picture = doc[doc.IndexOf("## Floor plan", StringComparison.Ordinal)..];
        picture = picture[(picture.IndexOf("```mermaid", StringComparison.Ordinal) + "```mermaid".Length)..];
        picture = picture[..picture.IndexOf("```", StringComparison.Ordinal)];
        var drawn = picture.Split('\n', StringSplitOptions.TrimEntries)
            .Select(line => line.Split(" --> "))
            .Where(ends => ends.Length == 2)
            .Select(ends => $"{ends[0]} -> {ends[1]}")
            .Order(StringComparer.Ordinal);

        var held = FloorPlan.Beneath.SelectMany(entry => entry.Value.Select(below => $"{entry.Key} -> {below}")).Order(StringComparer.Ordinal);

        Assert.Equal(held, drawn);
    }

    [Fact]
    public void The_plan_has_no_cycle()
    {
        var placed = new List<string>();
        var left = FloorPlan.Beneath.Keys.ToHashSet(StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var next = left.Where(folder => FloorPlan.Beneath[folder].All(placed.Contains)).Order(StringComparer.Ordinal).ToList();
            Assert.True(next.Count > 0, $"these folders use each other in a circle: {string.Join(", ", left.Order(StringComparer.Ordinal))}");
            placed.AddRange(next);
            left.ExceptWith(next);
        }
    }

    [Fact]
    public void A_back_edge_is_reported_with_the_type_that_makes_it()
    {
        // The sample has two folders; a rule over a folder without types fails on its own (ArchUnitNET
        // wants a positive evaluation), which keeps the core's table free of folders that are gone.
        var sampleFolders = FloorPlan.FoldersOf(TestArchitecture.Value, SampleRoot);
        var results = FloorPlan.Rules(SampleRoot)
            .Where(rule => sampleFolders.Contains(rule.Folder))
            .SelectMany(rule => rule.Rule.Evaluate(TestArchitecture.Value))
            .Where(result => !result.Passed)
            .ToList();

        var violation = Assert.Single(results);
        Assert.Contains(nameof(Sample.Kubernetes.LabelsThatReachUp), violation.Description, StringComparison.Ordinal);
        Assert.Contains(nameof(Sample.Release.ReleaseNumbers), violation.Description, StringComparison.Ordinal);
        Assert.Throws<ArchUnitNET.xUnit.FailedArchRuleException>(() =>
            FloorPlan.Rules(SampleRoot).Single(rule => rule.Folder == "Kubernetes").Rule.Check(TestArchitecture.Value));
    }

    [Fact]
    public void The_sample_layout_passes_where_it_keeps_the_plan()
    {
        // Release may use Kubernetes: the same rules let the allowed edge through.
        FloorPlan.Rules(SampleRoot).Single(rule => rule.Folder == "Release").Rule.Check(TestArchitecture.Value);
        Assert.Equal(["Kubernetes", "Release"], FloorPlan.FoldersOf(TestArchitecture.Value, SampleRoot).Order(StringComparer.Ordinal));
    }
}
