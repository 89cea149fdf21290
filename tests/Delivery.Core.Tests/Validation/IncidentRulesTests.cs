namespace Delivery.Core.Tests.Validation;

/// <summary><c>release.incidents</c>: a known tracker; a project only with one, owner/name on GitHub.</summary>
public sealed class IncidentRulesTests
{
    [Theory]
    [InlineData("github", "acme/platform")]
    [InlineData("github", null)]
    [InlineData("gitlab", "group/sub/platform")]
    [InlineData("gitlab", "42")]
    public void A_known_tracker_with_or_without_a_project_is_valid(string tracker, string? project)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:incidents:tracker", tracker), ("release:incidents:project", project)));

        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
    }

    [Fact]
    public void An_unknown_tracker_is_named_with_the_closest_one()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:incidents:tracker", "gitlav")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal(("delivery-platform:release.incidents.tracker", "gitlav"), (problem.Key, problem.Value));
        Assert.Contains("did you mean \"gitlab\"?", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_github_project_must_be_owner_and_name()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:incidents:tracker", "github"), ("release:incidents:project", "platform")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.incidents.project", problem.Key);
        Assert.Contains("owner/name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_without_a_tracker_is_refused()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:incidents:project", "acme/platform")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.incidents.project", problem.Key);
        Assert.Contains("<github|gitlab>", problem.Fix, StringComparison.Ordinal);
    }
}
