using Delivery.Core.Model;

namespace Delivery.Core.Tests.Values;

/// <summary>Each spelling a mode or strategy key accepts is one typed value, every typed value has one spelling, and anything else is none.</summary>
public sealed class TypedModesTests
{
    [Fact]
    public void Registry_modes_are_typed_one_to_one() =>
        AssertOneToOne(RegistryConfig.Modes, mode => new RegistryConfig { Mode = mode }.Kind, Enum.GetValues<RegistryMode>());

    [Fact]
    public void Ci_modes_are_typed_one_to_one() =>
        AssertOneToOne(CiConfig.Modes, mode => new CiConfig { Mode = mode }.Kind, Enum.GetValues<CiMode>());

    [Fact]
    public void Cluster_modes_are_typed_one_to_one() =>
        AssertOneToOne(ClusterConfig.Modes, mode => new ClusterConfig { Mode = mode }.Kind, Enum.GetValues<ClusterMode>());

    [Fact]
    public void Strategies_are_typed_one_to_one() =>
        AssertOneToOne(Strategies.All, Strategies.Parse, Enum.GetValues<AppStrategy>());

    private static void AssertOneToOne<T>(IReadOnlyList<string> spellings, Func<string, T?> parse, T[] values)
        where T : struct, Enum
    {
        Assert.Equal(values.Order(), spellings.Select(spelling => Assert.NotNull(parse(spelling))).Order());
        foreach (var other in new[] { "", "none ", "InCluster", "GitHub", "k3s", "blue-green" }.Except(spellings))
            Assert.Null(parse(other));
    }
}
