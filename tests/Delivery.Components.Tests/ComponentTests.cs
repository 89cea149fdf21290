using System.Collections;
using Delivery.Core.Configuration;
using Delivery.Core.Platform;
using Delivery.Core.Validation;
using Pulumi;
using Pulumi.Utilities;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace Delivery.Components.Tests;

/// <summary>Each component hands Pulumi exactly what the core rendered: objects, chart values, Secrets.</summary>
public sealed class ComponentTests
{
    private static PlatformRendering CoreRendering(string stack)
    {
        var loaded = DeliveryConfigLoader.Load(
            StackFileReader.Read(TestRepository.ExampleStack(stack)), new Dictionary<string, string>());
        return PlatformRenderer.Render(Assert.IsType<ValidStack>(loaded.Stack));
    }

    private static IEnumerable<object?> Objs(Pulumi.Testing.MockResourceArgs group) => ((IEnumerable)group.Inputs["objs"]).Cast<object?>();

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_core_object_is_handed_to_exactly_one_config_group_unchanged(string stack)
    {
        var run = await StackRun.RunAsync(stack, StackRun.Committed(stack), StackRun.CommittedReleaseStates());

        var handedOver = run.OfType("kubernetes:yaml/v2:ConfigGroup").SelectMany(Objs).Select(Canonical.Json).Order(StringComparer.Ordinal).ToList();
        var rendered = CoreRendering(stack).Objects.Select(o => Canonical.Json(o.Body)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(rendered, handedOver);
    }

    [Fact]
    public async Task Charts_get_their_pinned_version_repository_namespace_and_values()
    {
        var run = await StackRun.RunAsync("dev", StackRun.Committed("dev"), StackRun.CommittedReleaseStates());

        foreach (var chart in CoreRendering("dev").Charts)
        {
            var declared = Assert.Single(run.OfType("kubernetes:helm.sh/v4:Chart"), c => (string)c.Inputs["name"] == chart.ReleaseName);
            Assert.Equal(chart.Chart, declared.Inputs["chart"]);
            Assert.Equal(chart.Version, declared.Inputs["version"]);
            Assert.Equal(chart.Namespace, declared.Inputs["namespace"]);
            Assert.Equal(Canonical.Json(chart.Values), Canonical.Json(declared.Inputs["values"]));
            if (chart.Repository.Length > 0)
                Assert.Equal(chart.Repository, ((IDictionary)declared.Inputs["repositoryOpts"])["repo"]);
        }
    }

    [Fact]
    public async Task A_secret_env_var_is_a_typed_secret_the_deployment_refers_to_and_never_in_the_group()
    {
        var config = StackRun.Committed("dev").Set("apps.api.secretEnv.DB_PASSWORD", "hunter2", secret: true);

        var run = await StackRun.RunAsync("dev", config, StackRun.CommittedReleaseStates());

        var secret = run.Single("kubernetes:core/v1:Secret", "app-api-apps-api-env");
        Assert.Equal("hunter2", ((IDictionary)secret.Inputs["stringData"])["DB_PASSWORD"]);
        var group = Canonical.Json(run.Single("kubernetes:yaml/v2:ConfigGroup", "app-api").Inputs);
        Assert.Contains("secretKeyRef", group, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", group, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_typed_secret_resources_and_no_secret_reaches_a_group_or_chart()
    {
        var config = StackRun.Committed("staging");
        var run = await StackRun.RunAsync("staging", config, StackRun.CommittedReleaseStates());

        // Secret outputs are not asserted secret here: the mock monitor ignores the resource's
        // AdditionalSecretOutputs ("data", "stringData"), which only the engine applies, and mock
        // inputs arrive unwrapped, so under mocks secret.StringData is never marked secret.
        Assert.NotEmpty(run.Resources.OfType<KubernetesSecret>());
        var pull = run.Single("kubernetes:core/v1:Secret", "registry-apps-registry-pull");
        Assert.Equal("kubernetes.io/dockerconfigjson", pull.Inputs["type"]);
        // Apps pull with the read-only token; only the release runners' push Secret (in ci-release) carries the push token.
        Assert.Contains("ghcr-read-token", (string)((IDictionary)pull.Inputs["stringData"])[".dockerconfigjson"]!, StringComparison.Ordinal);
        var push = run.Single("kubernetes:core/v1:Secret", "registry-ci-release-registry-push");
        Assert.Contains("ghcr-token", (string)((IDictionary)push.Inputs["stringData"])[".dockerconfigjson"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("ghcr-token", (string)((IDictionary)pull.Inputs["stringData"])[".dockerconfigjson"]!, StringComparison.Ordinal);

        var exposed = run.OfType("kubernetes:yaml/v2:ConfigGroup").Concat(run.OfType("kubernetes:helm.sh/v4:Chart")).Select(r => Canonical.Json(r.Inputs)).ToList();
        foreach (var secretValue in new[] { "ghcr-token", "ghcr-read-token", "runner-token", "apiVersion: v1\\nkind: Config", Mocks.MockPassword })
            Assert.DoesNotContain(exposed, inputs => inputs.Contains(secretValue, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_in_cluster_registry_gets_generated_pull_and_push_passwords_and_an_htpasswd_secret_from_their_bcrypt_hashes()
    {
        var run = await StackRun.RunAsync("dev", StackRun.Committed("dev"), StackRun.CommittedReleaseStates());

        Assert.Single(run.OfType("random:index/randomPassword:RandomPassword"), p => p.Name == "registry-registry-password");
        Assert.Single(run.OfType("random:index/randomPassword:RandomPassword"), p => p.Name == "registry-registry-pull-password");
        var htpasswd = run.OfType("kubernetes:core/v1:Secret").Single(s => ((IDictionary)s.Inputs["stringData"]).Values.Cast<object>().Any(v => ((string)v).Contains(Mocks.MockBcrypt, StringComparison.Ordinal)));
        Assert.Equal("pull:" + Mocks.MockBcrypt + "\nci:" + Mocks.MockBcrypt + "\n", ((IDictionary)htpasswd.Inputs["stringData"]).Values.Cast<string>().Single());
    }
}
