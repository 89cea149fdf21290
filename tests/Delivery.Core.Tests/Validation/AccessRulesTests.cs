using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Validation;

/// <summary>The access groups' rules, each breaking one of an otherwise valid config, with the exact key and message.</summary>
public sealed class AccessRulesTests
{
    private static readonly Dictionary<string, string> ProdSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cluster:kubeconfig"] = "kubeconfig",
        ["monitoring:receivers:critical:webhookUrl"] = "https://pager.example.com/hook",
    };

    private static LoadedConfig Load(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes));

    [Theory]
    [InlineData("access:viewers:0", "shop support", "delivery-platform:access.viewers[0]", "is not a group name: 1–256 characters with no spaces.")]
    [InlineData("access:developers:0", "system:authenticated", "delivery-platform:access.developers[0]",
        "is a group Kubernetes itself assigns (system:authenticated is everyone with any credential), not one of your people's.")]
    public void A_bad_group_is_named_with_its_key(string key, string value, string problemKey, string message)
    {
        var loaded = Load((key, value));

        Assert.Contains(loaded.Errors, p => p.Key == problemKey && p.Value == value && p.Message == message);
    }

    [Fact]
    public void A_group_in_two_roles_is_refused_at_its_second_place()
    {
        var loaded = Load(("access:admins:0", "ops"), ("access:viewers:0", "ops"));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:access.viewers[0]", problem.Key);
        Assert.Equal("is already given at delivery-platform:access.admins[0]: a group has one role, or its rights are the union of both.", problem.Message);
        Assert.Equal("keep the group in one role: pulumi config rm --path delivery-platform:access.viewers[0].", problem.Fix);
    }

    [Fact]
    public void Prod_warns_without_admins_and_when_developers_may_deploy()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("environment", "prod"), ("apps:api:replicas", "2"), ("apps:web:replicas", "2"),
            ("access:developers:0", "devs"), ("access:developersDeploy", "true")), ProdSecrets);

        Assert.Contains(loaded.Warnings, p => p.Key == "delivery-platform:access.admins" &&
                                              p.Message == "no group may administer prod through this stack; only the cluster's own admin credentials can.");
        Assert.Contains(loaded.Warnings, p => p.Key == "delivery-platform:access.developersDeploy" && p.Value == "true");
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("staging", true)]
    [InlineData("prod", false)]
    public void Developers_deploy_by_default_everywhere_but_prod(string environment, bool deploys)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("environment", environment)), ProdSecrets);

        Assert.Equal(deploys, loaded.Config.Access.DevelopersDeploy);
    }
}
