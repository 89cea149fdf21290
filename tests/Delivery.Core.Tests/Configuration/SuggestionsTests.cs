using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Configuration;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("helthPath", "healthPath")]
    [InlineData("registy", "registry")]
    [InlineData("prd", "prod")]
    [InlineData("replcias", "replicas")]
    public void Suggests_the_nearest_known_word(string typo, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typo, ["healthPath", "registry", "prod", "replicas", "port"]));

    [Fact]
    public void Suggests_nothing_when_nothing_is_close() =>
        Assert.Null(Suggestions.Closest("kubernetes", ["port", "host"]));
}
