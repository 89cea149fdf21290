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
}
