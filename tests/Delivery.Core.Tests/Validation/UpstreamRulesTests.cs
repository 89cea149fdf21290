using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Validation;

public sealed class UpstreamRulesTests
{
    private static readonly Dictionary<string, string> Ladder = new() { ["local"] = "", ["dev"] = "", ["staging"] = "dev", ["prod"] = "staging" };

    [Fact]
    public void The_committed_ladder_has_no_problem() =>
        Assert.All(Ladder.Keys, stack => Assert.Empty(UpstreamRules.Check(stack, Ladder)));

    [Fact]
    public void An_upstream_that_is_no_stack_gets_did_you_mean()
    {
        var problem = Assert.Single(UpstreamRules.Check("prod", new Dictionary<string, string>(Ladder) { ["prod"] = "stagng" }));

        Assert.Equal("delivery-platform:upstream", problem.Key);
        Assert.Equal("stagng", problem.Value);
        Assert.Equal("names no stack in stacks/ (the stacks are dev, local, staging).", problem.Message);
        Assert.Equal("did you mean \"staging\"? pulumi config set delivery-platform:upstream staging --stack prod.", problem.Fix);
    }

    [Fact]
    public void A_cycle_is_reported_on_each_stack_in_it_and_not_on_those_below()
    {
        var cycle = new Dictionary<string, string>(Ladder) { ["dev"] = "staging" };

        Assert.Equal("makes a cycle: dev ← staging ← dev, so no version could ever be live upstream first.", Assert.Single(UpstreamRules.Check("dev", cycle)).Message);
        Assert.Equal("makes a cycle: staging ← dev ← staging, so no version could ever be live upstream first.", Assert.Single(UpstreamRules.Check("staging", cycle)).Message);
        Assert.Empty(UpstreamRules.Check("prod", cycle));
    }
}
