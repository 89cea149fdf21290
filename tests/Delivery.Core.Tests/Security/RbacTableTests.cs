using Delivery.Core.Ci;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Charts;
using static Delivery.Core.Tests.Security.RbacAuthorizer;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// "Can service account S do V on R in N", evaluated over the rendered Roles and bindings of the
/// dev stack (GitHub runners) and a GitLab variant, plus the grants each of its charts makes with
/// our values (their facts, docs/charts/). Each row names the finding it keeps fixed (issue #14's,
/// or #20's for the charts' grants), or the permission a component still needs to work.
/// </summary>
public sealed class RbacTableTests
{
    public sealed record Row(string Finding, ServiceAccount Account, string Verb, string Resource, string Namespace, bool Allowed)
    {
        public override string ToString() => $"{Account} {Verb} {Resource} in {(Namespace.Length == 0 ? "the cluster" : Namespace)}: {(Allowed ? "yes" : "no")} ({Finding})";
    }

    private static readonly ServiceAccount Grafana = new(PlatformNamespaces.Monitoring, "kube-prometheus-stack-grafana");
    private static readonly ServiceAccount Loki = new(PlatformNamespaces.Monitoring, LokiRulesRbac.ServiceAccount);
    private static readonly ServiceAccount Alloy = new(PlatformNamespaces.MonitoringAgents, AlloyRbac.ServiceAccount);
    private static readonly ServiceAccount KubeStateMetrics = new(PlatformNamespaces.Monitoring, "kube-prometheus-stack-kube-state-metrics");
    private static readonly ServiceAccount EnvoyGateway = new(PlatformNamespaces.Gateway, "envoy-gateway");
    private static readonly ServiceAccount Trivy = new(PlatformNamespaces.Monitoring, "trivy-operator");
    private static readonly ServiceAccount Runner = new(PlatformNamespaces.Ci, GitHubRunners.RunnerServiceAccount);
    private static readonly ServiceAccount Job = new(PlatformNamespaces.Ci, CiRunnersRenderer.JobServiceAccount);
    private static readonly ServiceAccount GitLabManager = new(PlatformNamespaces.CiControl, GitLabRunners.ServiceAccount);
    private static readonly ServiceAccount ReleaseRunner = new(PlatformNamespaces.CiRelease, GitHubRunners.ReleaseRunnerServiceAccount);
    private static readonly ServiceAccount ReleaseController = new(PlatformNamespaces.CiRelease, GitHubRunners.ReleaseControllerServiceAccount);
    private static readonly ServiceAccount GitLabReleaseManager = new(PlatformNamespaces.CiControl, GitLabRunners.ReleaseServiceAccount);
    private static readonly ServiceAccount App = new(PlatformNamespaces.Apps, "api");

    public static TheoryData<Row> Rows() =>
    [
        // High: Grafana read every Secret in the cluster.
        new("Grafana reads Secrets cluster-wide", Grafana, "list", "secrets", PlatformNamespaces.Ci, false),
        new("Grafana reads Secrets cluster-wide", Grafana, "get", "secrets", "kube-system", false),
        new("Grafana reads Secrets cluster-wide", Grafana, "get", "secrets", PlatformNamespaces.Gateway, false),
        new("Grafana reads Secrets cluster-wide", Grafana, "watch", "secrets", PlatformNamespaces.Monitoring, false),
        new("Grafana reads ConfigMaps everywhere", Grafana, "list", "configmaps", PlatformNamespaces.Apps, false),
        new("still works: dashboards load", Grafana, "watch", "configmaps", PlatformNamespaces.Monitoring, true),
        new("still works: dashboards load", Grafana, "list", "configmaps", PlatformNamespaces.Monitoring, true),
        // Issue #20: chart service accounts that read every Secret in the cluster.
        new("Loki reads Secrets cluster-wide", Loki, "list", "secrets", PlatformNamespaces.Ci, false),
        new("Loki reads Secrets cluster-wide", Loki, "get", "secrets", PlatformNamespaces.Monitoring, false),
        new("Loki reads ConfigMaps everywhere", Loki, "list", "configmaps", PlatformNamespaces.Apps, false),
        new("still works: log alerts load", Loki, "watch", "configmaps", PlatformNamespaces.Monitoring, true),
        new("Alloy reads Secrets cluster-wide", Alloy, "get", "secrets", "kube-system", false),
        new("Alloy proxies to the kubelets", Alloy, "get", "nodes/proxy", "", false),
        new("still works: Alloy finds the pods", Alloy, "list", "pods", PlatformNamespaces.Apps, true),
        new("kube-state-metrics lists Secrets", KubeStateMetrics, "list", "secrets", PlatformNamespaces.Ci, false),
        new("still works: kube-state-metrics lists pods", KubeStateMetrics, "list", "pods", PlatformNamespaces.Apps, true),
        new("Envoy Gateway reads Secrets everywhere", EnvoyGateway, "get", "secrets", PlatformNamespaces.Ci, false),
        new("Envoy Gateway reads Secrets everywhere", EnvoyGateway, "list", "secrets", "kube-system", false),
        new("still works: the Gateway reads its certificate", EnvoyGateway, "get", "secrets", PlatformNamespaces.Gateway, true),
        new("still works: the Grafana route's OIDC Secret", EnvoyGateway, "get", "secrets", PlatformNamespaces.Monitoring, true),
        new("kept, SECURITY.md says why: trivy copies pull Secrets", Trivy, "get", "secrets", PlatformNamespaces.Apps, true),
        // Medium: runner RBAC. The hook needs these in ci (documented), and nothing beyond ci.
        new("still works: the hook runs job pods", Runner, "create", "pods", PlatformNamespaces.Ci, true),
        new("still works: the hook runs steps", Runner, "create", "pods/exec", PlatformNamespaces.Ci, true),
        new("runner reaches the controller's namespace", Runner, "get", "secrets", PlatformNamespaces.CiControl, false),
        new("runner reaches the controller's namespace", Runner, "create", "pods/exec", PlatformNamespaces.CiControl, false),
        new("runner reaches other namespaces", Runner, "list", "secrets", PlatformNamespaces.Monitoring, false),
        new("runner reaches other namespaces", Runner, "create", "pods", PlatformNamespaces.Apps, false),
        new("runner edits its own permissions", Runner, "update", "roles", PlatformNamespaces.Ci, false),
        // Medium (issue #22, finding 4): the release runners, their credentials and jobs are in ci-release, out of the default runner's reach.
        new("default runner reads the release credentials", Runner, "get", "secrets", PlatformNamespaces.CiRelease, false),
        new("default runner execs into release jobs", Runner, "create", "pods/exec", PlatformNamespaces.CiRelease, false),
        new("still works: the release runners' hook runs job pods", ReleaseRunner, "create", "pods", PlatformNamespaces.CiRelease, true),
        new("still works: the release runners' hook runs steps", ReleaseRunner, "create", "pods/exec", PlatformNamespaces.CiRelease, true),
        new("release runner reaches the default runners", ReleaseRunner, "get", "secrets", PlatformNamespaces.Ci, false),
        new("release runner reaches the controllers' namespace", ReleaseRunner, "get", "secrets", PlatformNamespaces.CiControl, false),
        new("still works: the release controller starts its listener", ReleaseController, "create", "pods", PlatformNamespaces.CiRelease, true),
        new("release controller reaches beyond ci-release", ReleaseController, "get", "secrets", PlatformNamespaces.Ci, false),
        new("release controller reaches beyond ci-release", ReleaseController, "create", "pods", PlatformNamespaces.CiControl, false),
        // High/medium: CI job pods get no API rights at all.
        new("job pods call the API", Job, "get", "pods", PlatformNamespaces.Ci, false),
        new("job pods call the API", Job, "get", "secrets", PlatformNamespaces.Ci, false),
        new("job pods call the API", Job, "create", "pods/exec", PlatformNamespaces.Ci, false),
        // Apps run on their own token-less ServiceAccount with no Role.
        new("apps on the default ServiceAccount", App, "get", "secrets", PlatformNamespaces.Apps, false),
        new("apps on the default ServiceAccount", App, "list", "pods", PlatformNamespaces.Apps, false),
    ];

    public static TheoryData<Row> GitLabRows() =>
    [
        new("still works: the manager runs job pods in ci", GitLabManager, "create", "pods", PlatformNamespaces.Ci, true),
        new("still works: the manager attaches to job pods", GitLabManager, "create", "pods/attach", PlatformNamespaces.Ci, true),
        new("manager rights where its token lives", GitLabManager, "get", "secrets", PlatformNamespaces.CiControl, false),
        new("manager rights where its token lives", GitLabManager, "create", "pods", PlatformNamespaces.CiControl, false),
        new("manager rights beyond ci", GitLabManager, "get", "secrets", PlatformNamespaces.Monitoring, false),
        new("default manager reaches the release jobs", GitLabManager, "create", "pods/attach", PlatformNamespaces.CiRelease, false),
        new("default manager reaches the release jobs", GitLabManager, "get", "secrets", PlatformNamespaces.CiRelease, false),
        new("still works: the release manager runs job pods in ci-release", GitLabReleaseManager, "create", "pods", PlatformNamespaces.CiRelease, true),
        new("release manager reaches the default jobs", GitLabReleaseManager, "create", "pods/exec", PlatformNamespaces.Ci, false),
        new("job pods call the API", Job, "get", "secrets", PlatformNamespaces.Ci, false),
    ];

    private static readonly Lazy<RbacAuthorizer> Dev = new(() => Authorizer(ClusterStack("dev")));

    private static PlatformRendering ClusterStack(string stack)
    {
        var valid = Cluster.ClusterFixtures.Stack(stack);
        return PlatformRenderer.Render(valid);
    }

    private static RbacAuthorizer Authorizer(PlatformRendering rendering) =>
        new(rendering.Objects.Concat(ChartRbac.Objects(rendering.Charts)));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_service_account_can_do_exactly_what_the_table_says_in_the_dev_stack(Row row) =>
        Assert.True(Dev.Value.Can(row.Account, row.Verb, row.Resource.StartsWith("roles", StringComparison.Ordinal) ? "rbac.authorization.k8s.io" : "", row.Resource, row.Namespace) == row.Allowed, row.ToString());

    [Theory]
    [MemberData(nameof(GitLabRows))]
    public void Each_service_account_can_do_exactly_what_the_table_says_with_gitlab_runners(Row row)
    {
        var authorizer = Authorizer(PlatformRenderer.Render(Ci.CiFixtures.GitLab().Valid(Tier.Dev)));

        Assert.True(authorizer.Can(row.Account, row.Verb, "", row.Resource, row.Namespace) == row.Allowed, row.ToString());
    }

    [Fact]
    public void The_chart_values_that_decide_grafanas_and_the_arc_controllers_rbac_are_ours()
    {
        var dev = ClusterStack("dev");
        var grafana = (OrderedDictionary<string, object?>)dev.Charts.Single(c => c.ReleaseName == "kube-prometheus-stack").Values["grafana"]!;
        var rbac = (OrderedDictionary<string, object?>)grafana["rbac"]!;
        var sidecar = (OrderedDictionary<string, object?>)grafana["sidecar"]!;
        var controller = dev.Charts.Single(c => c.ReleaseName == GitHubRunners.ControllerRelease);

        Assert.Equal(true, rbac["namespaced"]);
        Assert.Equal(GrafanaSidecarRbac.RoleName, rbac["useExistingRole"]);
        foreach (var kind in new[] { "dashboards", "datasources" })
        {
            var values = (OrderedDictionary<string, object?>)sidecar[kind]!;
            Assert.Equal(PlatformNamespaces.Monitoring, values["searchNamespace"]);
            Assert.Equal("configmap", values["resource"]);
        }
        Assert.Equal(PlatformNamespaces.CiControl, controller.Namespace);
        Assert.Equal(PlatformNamespaces.Ci, ((OrderedDictionary<string, object?>)controller.Values["flags"]!)["watchSingleNamespace"]);
        var releaseController = dev.Charts.Single(c => c.ReleaseName == GitHubRunners.ReleaseControllerRelease);
        Assert.Equal(PlatformNamespaces.CiRelease, releaseController.Namespace);
        Assert.Equal(PlatformNamespaces.CiRelease, ((OrderedDictionary<string, object?>)releaseController.Values["flags"]!)["watchSingleNamespace"]);
    }
}
