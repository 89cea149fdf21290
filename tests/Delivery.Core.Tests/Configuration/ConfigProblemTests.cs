using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Configuration;

public sealed class ConfigProblemTests
{
    private static readonly ConfigPath Key = ConfigPath.Root("freeze").Key("enabled");

    [Fact]
    public void Every_pulumi_config_command_in_the_fix_gets_the_stack()
    {
        var problem = ConfigProblem.Error(Key, "x", "bad.", "pulumi config set --path a 1, then pulumi config rm --path b.");

        Assert.Equal("pulumi config set --stack prod --path a 1, then pulumi config rm --stack prod --path b.", problem.ForStack("prod").Fix);
    }

    [Fact]
    public void A_fix_that_names_its_stack_already_is_left_as_written()
    {
        var problem = ConfigProblem.Warning(Key, null, "unset.", "pulumi config set --secret --path a <v> --stack dev");

        Assert.Same(problem, problem.ForStack("dev"));
    }

    [Fact]
    public void A_rule_step_the_fix_names_gets_the_stack()
    {
        var problem = ConfigProblem.Error(Key, null, "frozen.", "deliver unfreeze, or deliver hotfix api --reason \"<why>\" (deliver promote api 1.0.0 --stack dev first)");

        Assert.Equal("deliver unfreeze --stack prod, or deliver hotfix api --reason \"<why>\" --stack prod (deliver promote api 1.0.0 --stack dev first)", problem.ForStack("prod").Fix);
    }
}
