using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>deliver canary on a copy of the committed staging stack, where web 2.4.0 is canaried at 10% in green.</summary>
public sealed class CanaryCommandTests
{
    [Fact]
    public void Canary_changes_only_the_weight_and_the_route()
    {
        using var project = new ProjectCopy();
        var original = project.Stack("staging");

        var result = project.Run("canary", "web", "25", "--stack", "staging");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(original.Replace("      canaryWeight: 10\n", "      canaryWeight: 25\n", StringComparison.Ordinal), project.Stack("staging"));
        Assert.Contains($"staging: web: send 25% of traffic to the idle green slot ({Pinned("2.4.0")}), was 10%; blue stays live", result.Output, StringComparison.Ordinal);
        Assert.Contains("~ HTTPRoute/apps/web", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("~ Deployment", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frozen_stack_refuses_a_canary_and_writes_nothing()
    {
        using var project = new ProjectCopy();
        var before = project.Freeze("staging");

        var refused = project.Run("canary", "web", "50", "--stack", "staging");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the stack is frozen (incident 42); changing it from \"10\" is refused.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, project.Stack("staging"));
    }

    [Theory]
    [InlineData("150", 2, "error: the canary weight \"150\" is not a whole percent 0–100; give one (0 ends the canary).")]
    [InlineData("half", 2, "error: the canary weight \"half\" is not a whole percent 0–100; give one (0 ends the canary).")]
    public void A_bad_weight_is_refused_in_one_line(string weight, int exitCode, string message)
    {
        using var project = new ProjectCopy();

        var result = project.Run("canary", "web", weight, "--stack", "staging");

        Assert.Equal((exitCode, message), (result.ExitCode, result.Error.Trim()));
    }
}
