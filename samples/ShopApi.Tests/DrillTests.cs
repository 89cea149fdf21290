namespace ShopApi.Tests;

/// <summary>The drill settings: how a build is made slow or failing.</summary>
public sealed class DrillTests
{
    [Fact]
    public void Settings_are_read_from_the_environment_and_kept_in_range()
    {
        var variables = new Dictionary<string, string> { [Drill.LatencyVariable] = "250", [Drill.ErrorRatioVariable] = "1.5" };

        Assert.Equal(new Drill(TimeSpan.FromMilliseconds(250), 1), Drill.FromEnvironment(variables.GetValueOrDefault));
        Assert.Equal(new Drill(TimeSpan.Zero, 0), Drill.FromEnvironment(_ => "not a number"));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 25)]
    [InlineData(1.0, 100)]
    public void The_error_ratio_fails_that_share_of_requests_evenly(double ratio, int failed) =>
        Assert.Equal(failed, Enumerable.Range(1, 100).Count(request => new Drill(TimeSpan.Zero, ratio).Fails(request)));

    [Theory]
    [InlineData("service.version=1.4.0,delivery.release=api-blue-1", "api-blue-1")]
    [InlineData(" delivery.release = r1 , delivery.release=r2", "r2")]
    [InlineData("service.version=1.4.0", null)]
    [InlineData(null, null)]
    public void The_release_is_read_from_the_resource_attributes(string? attributes, string? release) =>
        Assert.Equal(release, ResourceAttributes.Attribute(attributes, "delivery.release"));
}
