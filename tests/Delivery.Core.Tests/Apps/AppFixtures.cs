using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Apps;

internal static class AppFixtures
{
    public static readonly string[] StackNames = ["local", "dev", "staging", "prod"];

    public static LoadedConfig Stack(string stack)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return loaded;
    }

    public static LoadedConfig Load(Dictionary<string, string?> config)
    {
        var loaded = TestConfigs.Load(config);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return loaded;
    }

    public static IReadOnlyList<KubernetesObject> Objects(LoadedConfig loaded) =>
        [.. AppRenderer.RenderAll(loaded.Valid()).SelectMany(c => c.Objects)];

    public static IReadOnlyList<KubernetesObject> Objects(Dictionary<string, string?> config) => Objects(Load(config));

    public static KubernetesObject Find(IEnumerable<KubernetesObject> objects, string id) =>
        objects.SingleOrDefault(o => o.Id == id) ?? throw new Xunit.Sdk.XunitException($"no {id} in: {string.Join(", ", objects.Select(o => o.Id))}");

    /// <summary>Walks a path of map keys (and list indexes) into an object's tree.</summary>
    public static object? At(KubernetesObject obj, params object[] path)
    {
        object? node = obj.Body;
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (OrderedDictionary<string, object?> map, string key) => map.GetValueOrDefault(key),
                (List<object?> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }
        return node;
    }

    /// <summary>The dev fixture as a valid prod stack: an upstream, more replicas, versions pinned to digests.</summary>
    public static Dictionary<string, string?> Prod() =>
        TestConfigs.ValidDev().With(("environment", "prod"), ("upstream", "staging"), ("apps:api:replicas", "3"), ("apps:web:replicas", "2"),
            ("apps:api:blue", ExampleVersions.Pinned("1.4.2")), ("apps:api:green", ExampleVersions.Pinned("1.5.0")), ("apps:web:blue", ExampleVersions.Pinned("2.3.1")));

    public static readonly Dictionary<string, string> ProdSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cluster:kubeconfig"] = "kubeconfig",
        ["monitoring:receivers:critical:webhookUrl"] = "https://pager.example.com/hook",
    };

    public static Slot Live(DeliveryConfig config, string app) => config.Apps[app].Live == "blue" ? Slot.Blue : Slot.Green;
}
