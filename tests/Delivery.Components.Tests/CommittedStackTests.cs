using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Utilities;
using static Delivery.Core.Tests.ExampleVersions;

namespace Delivery.Components.Tests;

/// <summary>Every committed stack runs under mocks, with its users' secrets set, and declares the whole platform.</summary>
public sealed class CommittedStackTests
{
    public static TheoryData<string> Stacks() => ["local", "dev", "staging", "prod"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Each_committed_stack_declares_every_component_on_one_explicit_provider(string stack)
    {
        var run = await StackRun.RunAsync(stack, StackRun.Committed(stack), StackRun.CommittedReleaseStates());

        foreach (var (type, name) in new[]
                 {
                     ("delivery:index:DeliveryEnvironment", "delivery"), ("delivery:cluster:ClusterBaseline", "cluster-baseline"),
                     ("delivery:registry:ContainerRegistry", "registry"), ("delivery:ci:CiRunners", "ci-runners"),
                     ("delivery:monitoring:Monitoring", "monitoring"), (DeployedApp.TypeToken, "app-api"), (DeployedApp.TypeToken, "app-web"),
                 })
            Assert.NotNull(run.Single(type, name));
        var providers = run.OfType("pulumi:providers:kubernetes").ToList();
        Assert.Single(providers);
        // Only custom resources carry a provider reference in the registration: ConfigGroup (yaml/v2)
        // and Chart (helm.sh/v4) are remote components, whose provider goes in the request's
        // Providers map, which MockResourceArgs does not expose (their Provider is "").
        var remoteComponents = new[] { "kubernetes:yaml/v2:ConfigGroup", "kubernetes:helm.sh/v4:Chart" };
        foreach (var resource in run.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && !remoteComponents.Contains(r.Type)))
        {
            Assert.False(string.IsNullOrEmpty(resource.Provider), $"{resource.Type} {resource.Name} has no explicit provider");
            Assert.Contains("pulumi:providers:kubernetes", resource.Provider, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Components_are_children_of_the_environment_and_groups_children_of_their_component(string stack)
    {
        var run = await StackRun.RunAsync(stack, StackRun.Committed(stack), StackRun.CommittedReleaseStates());

        // The mock monitor's URNs do not show the parent chain (it keeps only the first type of the
        // parent's URN, so every child reads "pulumi:pulumi:Stack$<type>"; pulumi/pulumi-dotnet#149),
        // so the parent links are read from the resources themselves.
        Assert.True(IsChildOf(run, (DeployedApp.TypeToken, "app-api"), ("delivery:index:DeliveryEnvironment", "delivery")));
        Assert.True(IsChildOf(run, ("kubernetes:yaml/v2:ConfigGroup", "app-api"), (DeployedApp.TypeToken, "app-api")));
        Assert.True(IsChildOf(run, ("kubernetes:helm.sh/v4:Chart", "monitoring-kube-prometheus-stack"), ("delivery:monitoring:Monitoring", "monitoring")));
    }

    [Fact]
    public async Task The_app_component_answers_to_its_previous_type_so_an_existing_stack_keeps_its_apps()
    {
        var run = await StackRun.RunAsync("dev", StackRun.Committed("dev"), StackRun.CommittedReleaseStates());
        var app = run.Resources.Single(r => r.GetResourceType() == DeployedApp.TypeToken && r.GetResourceName() == "app-api");

        // Pulumi keeps a resource's aliases, collapsed to URNs, in the internal Resource._aliases; read by reflection (test only).
        var aliases = (ImmutableArray<Input<string>>)typeof(Resource).GetField("_aliases", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(app)!;
        var urns = await Task.WhenAll(aliases.Select(alias => OutputUtilities.GetValueAsync(alias.ToOutput())));

        var urn = Assert.Single(urns);
        Assert.EndsWith($"{DeployedApp.PreviousTypeToken}::app-api", urn, StringComparison.Ordinal);
        Assert.StartsWith($"urn:pulumi:dev::{StackRun.Project}::", urn, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether <paramref name="child"/> was declared with <paramref name="parent"/> as its parent. Pulumi
    /// records children in the internal <c>Resource.ChildResources</c> set; read by reflection (test only).
    /// </summary>
    private static bool IsChildOf(StackRun run, (string Type, string Name) child, (string Type, string Name) parent)
    {
        Resource Find((string Type, string Name) key) =>
            run.Resources.Single(r => r.GetResourceType() == key.Type && r.GetResourceName() == key.Name);
        var property = typeof(Resource).GetProperty("ChildResources", BindingFlags.Instance | BindingFlags.NonPublic)
                       ?? throw new InvalidOperationException("Pulumi.Resource.ChildResources not found: update this test for the Pulumi SDK in use.");
        var children = (IEnumerable<Resource>)property.GetValue(Find(parent))!;
        return children.Contains(Find(child));
    }

    [Fact]
    public async Task The_local_stack_brings_up_docker_containers_and_exports_a_secret_kubeconfig()
    {
        var run = await StackRun.RunAsync("local", StackRun.Committed("local"));

        Assert.Equal(["delivery-platform-local-k3s", "delivery-platform-local-registry"], run.OfType("docker:index/container:Container").Select(c => c.Name!).Order(StringComparer.Ordinal));
        var k3s = run.Single("docker:index/container:Container", "delivery-platform-local-k3s");
        Assert.Equal(true, k3s.Inputs["privileged"]);
        Assert.Equal(true, k3s.Inputs["wait"]);
        var kubeconfig = Assert.IsAssignableFrom<Output<string>>(run.Outputs["kubeconfig"]);
        Assert.True(await Output.IsSecretAsync(kubeconfig));
        Assert.Contains(Mocks.MockPassword, await OutputUtilities.GetValueAsync(kubeconfig), StringComparison.Ordinal);
        Assert.Equal("registry.localhost:5000", await OutputUtilities.GetValueAsync((Output<string>)run.Outputs["registryUrl"]!));
    }

    [Fact]
    public async Task The_baseline_outputs_the_namespaces_prod_uses_and_no_ci_or_registry_one()
    {
        var run = await StackRun.RunAsync("prod", StackRun.Committed("prod"), StackRun.CommittedReleaseStates());

        var baseline = Assert.Single(run.Resources.OfType<ClusterBaseline>());
        Assert.Equal(new[] { "apps", "gateway", "monitoring", "monitoring-agents" }, (await OutputUtilities.GetValueAsync(baseline.Namespaces)).ToArray());
    }

    [Fact]
    public async Task The_stack_exports_each_apps_live_slot_versions_and_release_id()
    {
        var run = await StackRun.RunAsync("prod", StackRun.Committed("prod"), StackRun.CommittedReleaseStates());

        var apps = Assert.IsType<Dictionary<string, object>>(run.Outputs["apps"]);
        var api = Assert.IsType<Dictionary<string, object>>(apps["api"]);
        // The app component's own outputs, exported as they are.
        async Task<string> Value(string key) => await OutputUtilities.GetValueAsync(Assert.IsAssignableFrom<Output<string>>(api[key]));
        Assert.Equal("blue", await Value("liveSlot"));
        Assert.Equal(Pinned("1.4.2"), await Value("liveVersion"));
        Assert.Equal(Pinned("1.5.0"), await Value("idleVersion"));
        Assert.StartsWith("1.4.2-sha256-", await Value("releaseId"), StringComparison.Ordinal);
        Assert.StartsWith("1.5.0-sha256-", await Value("idleReleaseId"), StringComparison.Ordinal);
        Assert.Contains($"\"api\":{{\"blue\":\"{Pinned("1.4.2")}\",\"green\":\"{Pinned("1.5.0")}\",\"live\":\"blue\"", (string)run.Outputs["releaseState"]!, StringComparison.Ordinal);
    }
}
