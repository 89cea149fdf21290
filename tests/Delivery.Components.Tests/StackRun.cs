using System.Collections.Immutable;
using Delivery.Core.Configuration;
using Delivery.Core.Release;
using Delivery.Core.Validation;
using Pulumi;
using Pulumi.Testing;

namespace Delivery.Components.Tests;

/// <summary>One run of the real program under mocks, and what it registered.</summary>
internal sealed record StackRun(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs, IReadOnlyList<MockResourceArgs> Registered)
{
    public const string Project = "delivery-platform";

    /// <param name="releaseStates">Per stack name, the releaseState output its StackReference returns.</param>
    public static async Task<StackRun> RunAsync(string stack, EngineConfig config, IReadOnlyDictionary<string, string>? releaseStates = null)
    {
        var mocks = new Mocks(releaseStates ?? new Dictionary<string, string>());
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config.ConfigJson());
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", config.SecretKeysJson());
        try
        {
            // Off xunit's synchronization context: the program awaits engine replies (StackReferences)
            // while the test Deployment may block on it, which a single-threaded context could deadlock.
            var (resources, outputs) = await Task.Run(() => Deployment.TestAsync(
                mocks,
                new TestOptions { ProjectName = Project, StackName = stack, IsPreview = false, RootDirectory = TestRepository.Root() },
                () => DeliveryProgram.RunAsync()));
            return new StackRun(resources, outputs, [.. mocks.Registered]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
        }
    }

    /// <summary>A committed stack with the secrets its users set after <c>pulumi stack init</c>.</summary>
    public static EngineConfig Committed(string stack)
    {
        var config = EngineConfig.FromStackFile(stack);
        const string kubeconfig = "apiVersion: v1\nkind: Config\n";
        return stack switch
        {
            "dev" => config.Set("cluster.kubeconfig", kubeconfig, secret: true).Set("ci.github.appPrivateKey", "-----BEGIN PRIVATE KEY-----", secret: true)
                .Set("ci.github.release.appPrivateKey", "-----BEGIN PRIVATE KEY-----", secret: true),
            "staging" => config.Set("cluster.kubeconfig", kubeconfig, secret: true).Set("registry.pullPassword", "ghcr-read-token", secret: true)
                .Set("registry.password", "ghcr-token", secret: true)
                .Set("ci.github.token", "runner-token", secret: true)
                .Set("ci.github.release.token", "release-runner-token", secret: true),
            "prod" => config.Set("cluster.kubeconfig", kubeconfig, secret: true).Set("registry.pullPassword", "ghcr-read-token", secret: true)
                .Set("monitoring.receivers.critical.webhookUrl", "https://pager.example.com/hook", secret: true),
            _ => config,
        };
    }

    /// <summary>Every committed stack's release state, as if each had been deployed as committed.</summary>
    public static IReadOnlyDictionary<string, string> CommittedReleaseStates() =>
        new[] { "local", "dev", "staging", "prod" }.ToDictionary(
            stack => stack,
            stack => ReleaseStateJson.Write(ReleaseState.Of(DeliveryConfigLoader.Load(
                StackFileReader.Read(TestRepository.ExampleStack(stack)), new Dictionary<string, string>()).Config)));

    public IEnumerable<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type);

    public MockResourceArgs Single(string type, string name) => Registered.Single(r => r.Type == type && r.Name == name);
}
