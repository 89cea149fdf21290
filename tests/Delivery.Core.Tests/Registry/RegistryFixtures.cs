using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Registry;

internal static class RegistryFixtures
{
    public static readonly Tier[] AllTiers = [Tier.Local, Tier.Dev, Tier.Staging, Tier.Prod];

    public static LoadedConfig Committed(string stack) =>
        DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment);

    /// <summary>GitLab runners, whose token the loader requires; any config with runners gets a push Secret.</summary>
    public static readonly (string Key, string? Value)[] GitLabRunnerSettings = [("ci:mode", "gitlab"), ("ci:gitlab:url", "https://gitlab.com")];

    public static DeliveryConfig InCluster(params (string Key, string? Value)[] changes) =>
        Loaded(TestConfigs.ValidDev().With(changes));

    public static DeliveryConfig External(params (string Key, string? Value)[] changes) =>
        Loaded(TestConfigs.ValidDev().With(("registry:mode", "external"), ("registry:host", null), ("registry:url", "ghcr.io/acme"), ("registry:username", "acme-bot"), ("registry:pullUsername", "acme-reader")).With(changes),
            ("registry:password", "ghp_test"), ("registry:pullPassword", "ghp_read"));

    /// <summary>The config with the usual secrets changed by <paramref name="secretChanges"/> (null removes one).</summary>
    public static DeliveryConfig Loaded(IReadOnlyDictionary<string, string?> plain, params (string Key, string? Value)[] secretChanges)
    {
        var secrets = new Dictionary<string, string>(TestConfigs.Secrets(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in secretChanges)
        {
            if (value is null)
                secrets.Remove(key);
            else
                secrets[key] = value;
        }
        if (plain.TryGetValue("ci:mode", out var mode) && mode == "gitlab")
        {
            if (!(plain.TryGetValue("ci:buildRunners", out var build) && build == "false"))
                secrets["ci:gitlab:runnerToken"] = "glrt-test";
            if (!(plain.TryGetValue("registry:mode", out var registry) && registry == "docker"))
                secrets["ci:gitlab:releaseRunnerToken"] = "glrt-release-test";
        }
        var loaded = TestConfigs.Load(plain, secrets);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return loaded.Config;
    }

    public static KubernetesObject Single(ComponentRendering rendering, string kind) => Assert.Single(rendering.Objects, o => o.Kind == kind);

    public static OrderedDictionary<string, object?> Map(object? value) => Assert.IsType<OrderedDictionary<string, object?>>(value);

    public static OrderedDictionary<string, object?> Path(OrderedDictionary<string, object?> root, params string[] keys) =>
        keys.Aggregate(root, (map, key) => Map(map[key]));

    public static OrderedDictionary<string, object?> PodSpec(KubernetesObject workload) => Path(workload.Body, "spec", "template", "spec");
}
