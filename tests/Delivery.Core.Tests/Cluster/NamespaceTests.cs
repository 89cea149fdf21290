using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Network;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class NamespaceTests
{
    private static readonly IReadOnlyList<KubernetesObject> Objects = ClusterBaselineRenderer.Render(DevWithRunners().Valid(Tier.Dev)).Objects;

    [Theory]
    [InlineData(PlatformNamespaces.Apps, "restricted", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.Gateway, "restricted", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.Registry, "restricted", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.Ci, "baseline", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.CiControl, "restricted", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.CiRelease, "baseline", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.Monitoring, "restricted", "restricted", "restricted")]
    [InlineData(PlatformNamespaces.MonitoringAgents, "privileged", "baseline", "privileged")]
    public void Each_platform_namespace_enforces_the_least_pod_security_level_it_needs(string name, string enforce, string audit, string warn)
    {
        var labels = Single(Objects, "Namespace", "", name).Labels;

        Assert.Equal(enforce, labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal(audit, labels["pod-security.kubernetes.io/audit"]);
        Assert.Equal(warn, labels["pod-security.kubernetes.io/warn"]);
        foreach (var mode in new[] { "enforce", "audit", "warn" })
            Assert.Equal(PodSecurity.Version, labels[$"pod-security.kubernetes.io/{mode}-version"]);
    }

    [Fact]
    public void Every_platform_namespace_is_rendered_once_and_only_they_are()
    {
        var namespaces = Objects.Where(o => o.Kind == "Namespace").Select(o => o.Name).ToList();

        Assert.Equal([PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Registry, PlatformNamespaces.Ci, PlatformNamespaces.CiRelease, PlatformNamespaces.CiControl,
            PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents], namespaces);
    }

    [Fact]
    public void Only_namespaces_that_serve_routes_carry_the_gateway_route_label()
    {
        var labelled = Objects.Where(o => o.Kind == "Namespace" && o.Labels.GetValueOrDefault(ClusterGateway.RoutesLabel) as string == ClusterGateway.RoutesLabelValue)
            .Select(o => o.Name);

        Assert.Equal([PlatformNamespaces.Apps, PlatformNamespaces.Registry, PlatformNamespaces.Monitoring], labelled);
    }

    [Fact]
    public void Every_object_carries_the_standard_labels_of_the_component()
    {
        Assert.All(Objects, o =>
        {
            Assert.Equal(ClusterBaselineRenderer.Component, o.Labels[StandardLabels.Component]);
            Assert.Equal(o.Name, o.Labels[StandardLabels.Name]);
            Assert.Equal(StandardLabels.ManagedByValue, o.Labels[StandardLabels.ManagedBy]);
            Assert.Equal("delivery-platform", o.Labels[StandardLabels.PartOf]);
        });
    }
}

/// <summary>Each stack gets only the namespaces it runs something in, and everything it renders lives in one of them.</summary>
public sealed class NamespacesInUseTests
{
    [Theory]
    [InlineData("local", new[] { PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents })]
    [InlineData("dev", new[] { PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Registry, PlatformNamespaces.Ci, PlatformNamespaces.CiRelease, PlatformNamespaces.CiControl, PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents })]
    [InlineData("staging", new[] { PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Ci, PlatformNamespaces.CiRelease, PlatformNamespaces.CiControl, PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents })]
    [InlineData("prod", new[] { PlatformNamespaces.Apps, PlatformNamespaces.Gateway, PlatformNamespaces.Monitoring, PlatformNamespaces.MonitoringAgents })]
    public void A_stack_renders_the_namespaces_it_uses_and_puts_every_object_chart_and_secret_in_one_of_them(string stack, string[] expected)
    {
        var valid = Stack(stack);
        var rendering = Delivery.Core.Platform.PlatformRenderer.Render(valid);
        var namespaces = rendering.Objects.Where(o => o.Kind == "Namespace").Select(o => o.Name).ToList();

        Assert.Equal(expected, namespaces);
        // kube-system is the cluster's own; nothing else may point at a namespace that does not exist.
        var used = rendering.Objects.Select(o => o.Namespace)
            .Concat(rendering.Charts.Select(c => c.Namespace))
            .Concat(rendering.Components.SelectMany(c => c.Secrets).Select(s => s.Namespace))
            .Where(ns => ns.Length > 0 && ns != BaselineNetworkPolicies.KubeSystem)
            .Distinct();
        Assert.All(used, ns => Assert.Contains(ns, namespaces));
    }

    [Fact]
    public void Without_runners_or_with_an_external_registry_no_quota_policy_or_binding_is_left_for_their_namespaces()
    {
        var valid = Stack("prod");
        var objects = ClusterBaselineRenderer.Render(valid).Objects;

        Assert.DoesNotContain(objects, o => o.Namespace is PlatformNamespaces.Ci or PlatformNamespaces.CiRelease or PlatformNamespaces.CiControl or PlatformNamespaces.Registry);
        Assert.Contains(objects, o => o is { Kind: "ResourceQuota", Namespace: PlatformNamespaces.Apps });
    }
}
