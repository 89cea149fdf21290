using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

/// <summary>Release job pods in ci-release (and no other CI pod) reach exactly Prometheus's and Alertmanager's API ports in monitoring and the apps' HTTP ports, and only where runners and monitoring exist.</summary>
public sealed class CiReleaseGateAccessTests
{
    private static readonly (string Key, string? Value)[] GitHubRunners =
        [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme")];

    private static IReadOnlyList<KubernetesObject> Policies(params (string Key, string? Value)[] changes) =>
        [.. ClusterBaselineRenderer.Render(Dev(changes).Valid(Tier.Dev)).Objects.Where(o => o.Kind == "NetworkPolicy")];

    /// <summary>The ingress peer: pods of the ci-release namespace with the release label, which only the release runners' job template sets.</summary>
    private const string ReleaseJobsPeer = "kubernetes.io/metadata.name: ci-release\n        podSelector:\n          matchLabels:\n            delivery-platform/runner-set: release\n";

    private static string Yaml(KubernetesObject policy) => YamlWriter.Write(policy.Body["spec"]!);

    [Fact]
    public void Release_jobs_may_call_only_the_prometheus_and_alertmanager_pods_on_their_api_ports()
    {
        var policies = Policies(GitHubRunners);

        Assert.Equal("""
            podSelector:
              matchLabels:
                delivery-platform/runner-set: release
            policyTypes:
              - Egress
            egress:
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: monitoring
                    podSelector:
                      matchLabels:
                        app.kubernetes.io/managed-by: prometheus-operator
                        app.kubernetes.io/name: prometheus
                ports:
                  - protocol: TCP
                    port: 9090
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: monitoring
                    podSelector:
                      matchLabels:
                        app.kubernetes.io/managed-by: prometheus-operator
                        app.kubernetes.io/name: alertmanager
                ports:
                  - protocol: TCP
                    port: 9095
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: apps
                ports:
                  - protocol: TCP
                    port: 8080

            """, Yaml(Single(policies, "NetworkPolicy", "ci-release", "allow-release-gates")));
        // The default runners' namespace gets no gate access for any pod, labelled or not.
        Assert.DoesNotContain(policies, p => p.Namespace == "ci" && p.Name.Contains("release", StringComparison.Ordinal));
    }

    [Fact]
    public void Monitoring_admits_release_jobs_only_on_those_pods_and_ports()
    {
        var policies = Policies(GitHubRunners);

        var prometheus = Yaml(Single(policies, "NetworkPolicy", "monitoring", "allow-ci-release-gates-prometheus"));
        var alertmanager = Yaml(Single(policies, "NetworkPolicy", "monitoring", "allow-ci-release-gates-alertmanager"));

        Assert.Contains("podSelector:\n  matchLabels:\n    app.kubernetes.io/managed-by: prometheus-operator\n    app.kubernetes.io/name: prometheus\n", prometheus, StringComparison.Ordinal);
        Assert.Contains(ReleaseJobsPeer + "    ports:\n      - protocol: TCP\n        port: 9090\n", prometheus, StringComparison.Ordinal);
        Assert.Contains(ReleaseJobsPeer, alertmanager, StringComparison.Ordinal);
        Assert.Contains("app.kubernetes.io/name: alertmanager\n", alertmanager, StringComparison.Ordinal);
        // The read-only door, never Alertmanager's own port (which takes silences and alerts).
        Assert.Contains("port: 9095\n", alertmanager, StringComparison.Ordinal);
        Assert.DoesNotContain("9093", alertmanager, StringComparison.Ordinal);
        Assert.DoesNotContain("9090", alertmanager, StringComparison.Ordinal);
    }

    [Fact]
    public void The_apps_admit_release_jobs_on_their_http_ports_only_for_smoke_tests()
    {
        var policies = Policies([.. GitHubRunners, ("apps:web:port", "9090")]);

        var smoke = Yaml(Single(policies, "NetworkPolicy", "apps", "allow-ci-smoke-tests"));

        Assert.Contains(ReleaseJobsPeer + "    ports:\n      - protocol: TCP\n        port: 8080\n      - protocol: TCP\n        port: 9090\n", smoke, StringComparison.Ordinal);
        Assert.StartsWith("podSelector: {}\npolicyTypes:\n  - Ingress\n", smoke, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ci:mode", "none")]
    [InlineData("monitoring:enabled", "false")]
    [InlineData("registry:mode", "docker")] // no push credentials, so no release runners
    public void Without_release_runners_or_monitoring_there_is_no_such_allow(string key, string value)
    {
        var policies = Policies([.. GitHubRunners, (key, value)]);

        Assert.DoesNotContain(policies, p => p.Name.Contains("release-gates", StringComparison.Ordinal) || p.Name == "allow-ci-smoke-tests");
    }
}
