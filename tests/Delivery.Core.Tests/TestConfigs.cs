using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests;

/// <summary>
/// A valid dev-tier config as flat entries, which each test changes a little. Values set to null
/// are removed; secrets are given as encrypted (Secret) unless a test says otherwise.
/// </summary>
internal static class TestConfigs
{
    public static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static Dictionary<string, string?> ValidDev() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["environment"] = "dev",
        ["cluster:mode"] = "existing",
        ["registry:mode"] = "in-cluster",
        ["registry:host"] = "registry.dev.example.com",
        ["ci:mode"] = "none",
        ["apps:api:image"] = "shop/api",
        ["apps:api:blue"] = "1.4.2",
        ["apps:api:green"] = "1.5.0",
        ["apps:api:live"] = "green",
        ["apps:api:host"] = "api.example.com",
        ["apps:api:callers:0"] = "web",
        ["apps:web:image"] = "shop/web",
        ["apps:web:blue"] = "2.3.1",
        ["apps:web:live"] = "blue",
    };

    public static Dictionary<string, string> Secrets() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["cluster:kubeconfig"] = "apiVersion: v1\nkind: Config\n",
    };

    public static StackConfig Stack(
        IReadOnlyDictionary<string, string?> plain,
        IReadOnlyDictionary<string, string>? secrets = null,
        bool offline = false,
        string stackName = "dev") =>
        new(stackName,
            [
                .. plain.Where(e => e.Value is not null).Select(e => new ConfigEntry(e.Key, e.Value!, SecretState.Plaintext, "test")),
                .. (secrets ?? Secrets()).Select(e => new ConfigEntry(e.Key, e.Value, SecretState.Secret, "test")),
            ],
            [],
            offline);

    public static LoadedConfig Load(
        IReadOnlyDictionary<string, string?> plain,
        IReadOnlyDictionary<string, string>? secrets = null,
        IReadOnlyDictionary<string, string>? environment = null,
        bool offline = false,
        string stackName = "dev") =>
        DeliveryConfigLoader.Load(Stack(plain, secrets, offline, stackName), environment ?? NoEnvironment);

    /// <summary>A copy of the config with the changes applied (the original is left as it was).</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> config, params (string Key, string? Value)[] changes)
    {
        var changed = new Dictionary<string, string?>(config, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
            changed[key] = value;
        return changed;
    }

    /// <summary>A valid dev stack file whose apps: block is <paramref name="apps"/> (indented 4), loaded offline.</summary>
    public static LoadedConfig LoadDevFile(string apps) => DeliveryConfigLoader.Load(StackFileReader.Parse($"""
        config:
          delivery-platform:environment: dev
          delivery-platform:cluster:
            mode: existing
          delivery-platform:registry:
            mode: in-cluster
            host: registry.dev.example.com
          delivery-platform:apps:
        {apps}
        """, "dev", "Pulumi.dev.yaml"), NoEnvironment);

    public static string StackFile(string stack) => TestRepository.ExampleStack(stack);

    /// <summary>The validated stack of a load without errors, as the renderers take it; the test fails with the errors otherwise.</summary>
    public static ValidStack Valid(this LoadedConfig loaded) =>
        loaded.Stack ?? throw new Xunit.Sdk.XunitException($"{loaded.StackName} has errors:\n{string.Join('\n', loaded.Errors)}");

    /// <summary>
    /// A bound config as a validated stack of <paramref name="tier"/> (else the tier its environment
    /// names), as the renderers take it; the config's own rules are not run.
    /// </summary>
    public static ValidStack Valid(this DeliveryConfig config, Tier? tier = null)
    {
        var unreadable = new List<ConfigProblem>();
        var profile = tier is { } given ? TierProfile.For(given) : TierProfile.Named(config.Environment) ?? throw new Xunit.Sdk.XunitException($"environment \"{config.Environment}\" names no tier.");
        return ValidStack.Of(profile.Name, config, profile, unreadable)
               ?? throw new Xunit.Sdk.XunitException($"the config does not read as a stack:\n{string.Join('\n', unreadable)}");
    }
}
