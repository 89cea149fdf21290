using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Validation;

/// <summary>
/// The committed stack files (stacks/, the team's data, which every release edits) stay valid
/// examples: they load offline with no error, their only warnings are the secrets each user sets,
/// and their upstreams name stacks without a cycle, as `deliver check --all` requires. No test
/// expects their values: those read the fixtures (TestRepository.ExampleStacks).
/// </summary>
public sealed class CommittedStacksTests
{
    private static string Committed(string stack) => Path.Combine(TestRepository.Root(), "stacks", $"Pulumi.{stack}.yaml");

    // Grafana signs in through the identity provider wherever it faces more than a laptop.
    private const string Oidc = "delivery-platform:monitoring.grafanaOidc.clientSecret";

    public static TheoryData<string, string[]> Stacks() => new()
    {
        { "local", [] },
        { "dev", ["delivery-platform:cluster.kubeconfig", "delivery-platform:ci.github.appPrivateKey", "delivery-platform:ci.github.release.appPrivateKey", Oidc] },
        { "staging", ["delivery-platform:cluster.kubeconfig", "delivery-platform:registry.pullPassword", "delivery-platform:registry.password", "delivery-platform:ci.github.token", "delivery-platform:ci.github.release.token", Oidc] },
        { "prod", ["delivery-platform:cluster.kubeconfig", "delivery-platform:registry.pullPassword", "delivery-platform:ci.github.release.token", "delivery-platform:monitoring.receivers.critical.webhookUrl", Oidc] },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_stack_file_is_valid_and_warns_only_about_secrets_to_set(string stack, string[] secretsToSet)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Read(Committed(stack)), TestConfigs.NoEnvironment);

        Assert.Empty(loaded.Errors);
        Assert.Equal(secretsToSet.Order(StringComparer.Ordinal), loaded.Warnings.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.All(loaded.Warnings, w => Assert.StartsWith("before deploying, run: pulumi config set --secret --path ", w.Fix, StringComparison.Ordinal));
        Assert.All(loaded.Warnings, w => Assert.EndsWith($" --stack {stack}", w.Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_stack_has_at_least_two_apps_and_the_versions_differ_across_stacks()
    {
        var apis = new[] { "local", "dev", "staging", "prod" }
            .Select(stack => DeliveryConfigLoader.Load(StackFileReader.Read(Committed(stack)), TestConfigs.NoEnvironment).Config)
            .Select(config => { Assert.True(config.Apps.Count >= 2); return config.Apps["api"]; })
            .Select(api => api.Live == "blue" ? api.Blue : api.Green)
            .ToList();

        Assert.True(apis.Distinct().Count() > 1);
    }

    [Fact]
    public void Their_upstreams_name_committed_stacks_without_a_cycle()
    {
        var stacks = new[] { "local", "dev", "staging", "prod" };
        var upstreams = stacks.ToDictionary(stack => stack,
            stack => DeliveryConfigLoader.Load(StackFileReader.Read(Committed(stack)), TestConfigs.NoEnvironment).Config.Upstream);

        Assert.All(stacks, stack => Assert.Empty(UpstreamRules.Check(stack, upstreams)));
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
