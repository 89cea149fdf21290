using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Validation;

/// <summary>The committed stack files load offline with no error; their only warnings are the secrets each user sets.</summary>
public sealed class CommittedStacksTests
{
    public static TheoryData<string, string[]> Stacks() => new()
    {
        { "local", [] },
        { "dev", ["delivery-platform:cluster.kubeconfig", "delivery-platform:ci.github.appPrivateKey"] },
        { "staging", ["delivery-platform:cluster.kubeconfig", "delivery-platform:registry.pullPassword", "delivery-platform:registry.password", "delivery-platform:ci.github.token"] },
        { "prod", ["delivery-platform:cluster.kubeconfig", "delivery-platform:registry.pullPassword", "delivery-platform:monitoring.receivers.critical.webhookUrl"] },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_stack_file_is_valid_and_warns_only_about_secrets_to_set(string stack, string[] secretsToSet)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment);

        Assert.Empty(loaded.Errors);
        Assert.Equal(secretsToSet.Order(StringComparer.Ordinal), loaded.Warnings.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.All(loaded.Warnings, w => Assert.StartsWith("before deploying, run: pulumi config set --secret --path ", w.Fix, StringComparison.Ordinal));
        Assert.All(loaded.Warnings, w => Assert.EndsWith($" --stack {stack}", w.Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_stack_has_at_least_two_apps_and_the_versions_differ_across_stacks()
    {
        var apis = new[] { "local", "dev", "staging", "prod" }
            .Select(stack => DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment).Config)
            .Select(config => { Assert.True(config.Apps.Count >= 2); return config.Apps["api"]; })
            .Select(api => api.Live == "blue" ? api.Blue : api.Green)
            .ToList();

        Assert.True(apis.Distinct().Count() > 1);
    }

    [Fact]
    public void The_project_name_matches_pulumi_yaml()
    {
        var pulumiYaml = File.ReadAllLines(Path.Combine(TestRepository.Root(), "Pulumi.yaml"));

        Assert.Contains($"name: {DeliveryProject.Name}", pulumiYaml);
        Assert.Contains("main: infra/", pulumiYaml);
        Assert.Contains("stackConfigDir: stacks", pulumiYaml);
    }
}
