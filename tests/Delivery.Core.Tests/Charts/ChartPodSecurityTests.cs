using Delivery.Core.Cluster;

namespace Delivery.Core.Tests.Charts;

/// <summary>Every pod a pinned chart runs with our values, or its operator starts, is admitted by its namespace's Pod Security level.</summary>
public sealed class ChartPodSecurityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, Workload>> Running = new(() =>
        PinnedCharts.All().SelectMany(spec => PinnedCharts.Workloads(spec).Select(w => (Id: $"{spec.ReleaseName}: {w}", Workload: w)))
            .GroupBy(pair => pair.Id).ToDictionary(group => group.Key, group => group.First().Workload));

    public static TheoryData<string> Workloads() => [.. Running.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every release of every committed stack and CI variant, with each pod it runs whose security settings come from our values.</summary>
    public static TheoryData<string, string> ReleasesWithSecurityValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (release, workload) in PinnedCharts.All()
                     .SelectMany(spec => PinnedCharts.Workloads(spec).Where(w => w.PodSecurity.DependsOn.Count > 0).Select(w => (spec.ReleaseName, w.ToString())))
                     .Distinct())
            data.Add(release, workload);
        return data;
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Each_chart_pod_is_admitted_by_its_namespaces_pod_security_level(string id)
    {
        var workload = Running.Value[id];

        var level = PodSecurityLevels.Of(workload.PodSecurity);

        Assert.Equal(level, workload.PodSecurity.Level);
        var enforced = PodSecurity.For(workload.Namespace).Enforce;
        Assert.True(PodSecurityLevels.Admits(enforced, level), $"{id} needs Pod Security '{level}', but {workload.Namespace} enforces '{enforced}'");
    }

    /// <summary>The facts of a pod whose level comes from our values hold only while every release that runs it still sets them.</summary>
    [Theory]
    [MemberData(nameof(ReleasesWithSecurityValues))]
    public void Each_pods_security_values_are_set_wherever_it_runs(string release, string workload)
    {
        foreach (var spec in PinnedCharts.All().Where(s => s.ReleaseName == release))
        {
            var pod = PinnedCharts.Workloads(spec).Single(w => w.ToString() == workload);
            var missing = pod.PodSecurity.DependsOn.Where(condition => !condition.HoldsFor(spec.Values)).Select(condition => condition.Path).ToList();
            Assert.True(missing.Count == 0, $"{release}: {workload} is judged '{pod.PodSecurity.Level}' only with these values set as the facts say: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void The_levels_follow_the_pod_security_standards()
    {
        var restricted = new PodSecurityFacts { DropsAll = true, RunAsNonRoot = true, AllowPrivilegeEscalationFalse = true, Seccomp = "RuntimeDefault" };

        Assert.Equal(PodSecurity.Restricted, PodSecurityLevels.Of(restricted));
        Assert.Equal(PodSecurity.Baseline, PodSecurityLevels.Of(new PodSecurityFacts { DropsAll = true, RunAsNonRoot = true, AllowPrivilegeEscalationFalse = true }));
        Assert.Equal(PodSecurity.Baseline, PodSecurityLevels.Of(new PodSecurityFacts { Seccomp = "RuntimeDefault", CapabilitiesAdded = ["CHOWN"] }));
        Assert.Equal(PodSecurity.Privileged, PodSecurityLevels.Of(new PodSecurityFacts { HostPaths = ["/var/log"] }));
        Assert.Equal(PodSecurity.Privileged, PodSecurityLevels.Of(new PodSecurityFacts { CapabilitiesAdded = ["SYS_ADMIN"] }));
        Assert.Equal(PodSecurity.Privileged, PodSecurityLevels.Of(new PodSecurityFacts { HostPid = true }));
        Assert.True(PodSecurityLevels.Admits(PodSecurity.Baseline, PodSecurity.Restricted));
        Assert.False(PodSecurityLevels.Admits(PodSecurity.Baseline, PodSecurity.Privileged));
    }

    /// <summary>With the chart's default, trivy-operator's infra assessment starts node-collector Jobs that monitoring's level refuses: the facts follow the value.</summary>
    [Fact]
    public void With_the_charts_default_the_node_collector_would_wait_forever_in_monitoring()
    {
        var trivy = PinnedCharts.All().First(c => c.ReleaseName == "trivy-operator");
        var chartDefault = trivy with { Values = new OrderedDictionary<string, object?>(trivy.Values.Where(v => v.Key != "operator")) };

        Assert.DoesNotContain(PinnedCharts.Workloads(trivy), w => w.PodSecurity.Level == PodSecurity.Privileged);
        var collector = Assert.Single(PinnedCharts.Workloads(chartDefault), w => w.PodSecurity.Level == PodSecurity.Privileged);
        Assert.False(PodSecurityLevels.Admits(PodSecurity.For(collector.Namespace).Enforce, PodSecurityLevels.Of(collector.PodSecurity)));
    }
}
