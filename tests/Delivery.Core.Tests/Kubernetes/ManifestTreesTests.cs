using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Kubernetes;

/// <summary>ManifestTrees.Same agrees with comparing the YAML both trees write, which it replaces in the diff.</summary>
public sealed class ManifestTreesTests
{
    public static TheoryData<object?, object?> Pairs() => new()
    {
        { Manifest.Map(("a", 1), ("b", "x")), Manifest.Map(("a", 1), ("b", "x")) },
        { Manifest.Map(("a", 1), ("b", "x")), Manifest.Map(("b", "x"), ("a", 1)) },
        { Manifest.Map(("a", 1)), Manifest.Map(("a", 1L)) },
        { Manifest.Map(("a", 1)), Manifest.Map(("a", "1")) },
        { Manifest.Map(("a", "yes")), Manifest.Map(("a", "yes")) },
        { Manifest.Map(("a", true)), Manifest.Map(("a", "true")) },
        { Manifest.Map(("a", 0.5)), Manifest.Map(("a", 0.5f)) },
        { Manifest.Map(("a", Manifest.List(1, 2))), Manifest.Map(("a", Manifest.List(1, 2, 3))) },
        { Manifest.Map(("a", Manifest.List(1, 2))), Manifest.Map(("a", Manifest.List(2, 1))) },
        { Manifest.Map(("a", Manifest.List())), Manifest.Map(("a", Manifest.Map())) },
        { Manifest.Map(("a", Manifest.Map(("b", null)))), Manifest.Map(("a", Manifest.Map(("b", "")))) },
        { Manifest.Map(("a", new Dictionary<string, string> { ["k"] = "v" })), Manifest.Map(("a", Manifest.Map(("k", "v")))) },
        { Manifest.Map(("a", "one\ntwo\n")), Manifest.Map(("a", "one\ntwo\n")) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Same_exactly_when_the_yaml_is_the_same(object? left, object? right) =>
        Assert.Equal(YamlWriter.Write(left!) == YamlWriter.Write(right!), ManifestTrees.Same(left, right));

    [Fact]
    public void A_value_that_is_no_map_list_or_scalar_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ManifestTrees.Same(Manifest.Map(("a", new Uri("https://example.org"))), Manifest.Map(("a", "x"))));

        Assert.Contains("a Uri is none of them", error.Message, StringComparison.Ordinal);
    }
}
