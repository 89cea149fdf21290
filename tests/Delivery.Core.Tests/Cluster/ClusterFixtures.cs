using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Cluster;

/// <summary>Configs and tree lookups shared by the cluster tests.</summary>
internal static class ClusterFixtures
{
    public static readonly string[] CommittedStacks = ["local", "dev", "staging", "prod"];

    public static ValidStack Stack(string stack) =>
        DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment).Valid();

    public static DeliveryConfig Dev(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    /// <summary>The dev fixture with org-wide GitHub runners in their groups, so every platform namespace is in use.</summary>
    public static DeliveryConfig DevWithRunners(params (string Key, string? Value)[] changes) =>
        Dev([("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:runnerGroup", "deployers"), ("ci:github:releaseRunnerGroup", "releasers"), .. changes]);

    /// <summary>A local-tier config with the k3s cluster and the Docker registry, as the local stack has.</summary>
    public static DeliveryConfig Local(params (string Key, string? Value)[] changes) =>
        Dev([
            ("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null),
            .. changes,
        ]);

    public static OrderedDictionary<string, object?> Map(object? value) => Assert.IsType<OrderedDictionary<string, object?>>(value);

    public static List<object?> Items(object? value) => Assert.IsType<List<object?>>(value);

    public static OrderedDictionary<string, object?> Spec(KubernetesObject o) => Map(o.Body["spec"]);

    /// <summary>A path of keys into nested maps, e.g. ("spec", "hard", "pods").</summary>
    public static object? At(KubernetesObject o, params string[] path) =>
        path.Aggregate((object?)o.Body, (node, key) => Map(node).GetValueOrDefault(key));

    public static KubernetesObject Single(IEnumerable<KubernetesObject> objects, string kind, string @namespace, string name) =>
        Assert.Single(objects, o => o.Kind == kind && o.Namespace == @namespace && o.Name == name);
}
