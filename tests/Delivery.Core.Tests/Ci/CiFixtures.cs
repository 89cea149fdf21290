using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;
using Delivery.Core.Tests.Registry;

namespace Delivery.Core.Tests.Ci;

internal static class CiFixtures
{
    public static DeliveryConfig GitHubApp(params (string Key, string? Value)[] changes) =>
        RegistryFixtures.Loaded(TestConfigs.ValidDev().With(
            ("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"),
            ("ci:github:appId", "918273"), ("ci:github:appInstallationId", "51234987"), ("ci:github:labels:0", "dev-cluster"),
            ("ci:github:runnerGroup", "deployers"), ("ci:github:releaseRunnerGroup", "releasers"),
            ("ci:github:release:appId", "918274"), ("ci:github:release:appInstallationId", "51234988")).With(changes),
            ("ci:github:appPrivateKey", "-----BEGIN RSA PRIVATE KEY-----"), ("ci:github:release:appPrivateKey", "-----BEGIN RSA PRIVATE KEY----- release"));

    public static DeliveryConfig GitHubToken(params (string Key, string? Value)[] changes) =>
        RegistryFixtures.Loaded(TestConfigs.ValidDev().With(("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"),
                ("ci:github:runnerGroup", "deployers"), ("ci:github:releaseRunnerGroup", "releasers")).With(changes),
            ("ci:github:token", "ghp_test"), ("ci:github:release:token", "ghp_release"));

    public static DeliveryConfig GitLab(params (string Key, string? Value)[] changes) =>
        RegistryFixtures.Loaded(TestConfigs.ValidDev().With(RegistryFixtures.GitLabRunnerSettings).With(changes));

    /// <summary>Every runner configuration the tests sweep: both CI modes and every registry mode.</summary>
    public static IEnumerable<(string Name, DeliveryConfig Config)> Variants()
    {
        yield return ("github app, in-cluster registry", GitHubApp());
        yield return ("github token, in-cluster registry", GitHubToken());
        yield return ("gitlab, in-cluster registry", GitLab());
        yield return ("gitlab, external registry", RegistryFixtures.Loaded(
            TestConfigs.ValidDev().With(RegistryFixtures.GitLabRunnerSettings).With(("registry:mode", "external"), ("registry:host", null), ("registry:url", "ghcr.io/acme"), ("registry:username", "bot"), ("registry:pullUsername", "reader")),
            ("registry:password", "ghp_test"), ("registry:pullPassword", "ghp_read")));
        // Prod's shape: release runners only, nothing built there, so no push credentials.
        yield return ("github, release runners only", RegistryFixtures.Loaded(
            TestConfigs.ValidDev().With(("ci:mode", "github"), ("ci:buildRunners", "false"), ("ci:github:configUrl", "https://github.com/acme"),
                ("ci:github:labels:0", "prod-cluster"), ("ci:github:releaseRunnerGroup", "releasers")),
            ("ci:github:release:token", "ghp_release")));
        yield return ("gitlab, release runners only, external registry", RegistryFixtures.Loaded(
            TestConfigs.ValidDev().With(RegistryFixtures.GitLabRunnerSettings).With(("ci:buildRunners", "false"), ("registry:mode", "external"), ("registry:host", null), ("registry:url", "ghcr.io/acme"), ("registry:pullUsername", "reader")),
            ("registry:pullPassword", "ghp_read")));
        yield return ("github, local docker registry", RegistryFixtures.Loaded(
            TestConfigs.ValidDev().With(("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null),
                ("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme")),
            ("ci:github:token", "ghp_test"), ("cluster:kubeconfig", null)));
    }

    /// <summary>All Secrets that exist for a config: the runners' own and the registry's (push credentials).</summary>
    public static IReadOnlyList<SecretSpec> AllSecrets(DeliveryConfig config, ComponentRendering runners) =>
        [.. runners.Secrets, .. RegistryRenderer.Render(config.Valid(Tier.Dev)).Secrets];

    /// <summary>Every map in a tree of objects and values, including YAML documents embedded as strings.</summary>
    public static IEnumerable<OrderedDictionary<string, object?>> Maps(object? node)
    {
        switch (node)
        {
            case OrderedDictionary<string, object?> map:
                yield return map;
                foreach (var value in map.Values)
                {
                    foreach (var inner in Maps(value))
                        yield return inner;
                }
                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    foreach (var inner in Maps(item))
                        yield return inner;
                }
                break;
        }
    }

    /// <summary>Every string in a tree (embedded config files included).</summary>
    public static IEnumerable<string> Strings(object? node) => node switch
    {
        string text => [text],
        OrderedDictionary<string, object?> map => map.Keys.Concat(map.Values.SelectMany(Strings)),
        List<object?> list => list.SelectMany(Strings),
        _ => [],
    };

    /// <summary>The whole rendering as trees: objects' bodies and charts' values.</summary>
    public static IReadOnlyList<OrderedDictionary<string, object?>> Trees(ComponentRendering rendering) =>
        [.. rendering.Objects.Select(o => o.Body), .. rendering.Charts.Select(c => c.Values)];
}
