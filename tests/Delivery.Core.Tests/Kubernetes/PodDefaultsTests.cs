using Delivery.Core.Kubernetes;
using Delivery.Core.Platform;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Kubernetes;

/// <summary>The shared secure defaults, and that every pod the core renders itself starts from them.</summary>
public sealed class PodDefaultsTests
{
    [Fact]
    public void The_container_defaults_are_pod_security_restricted()
    {
        var container = PodDefaults.RestrictedContainer(readOnlyRootFilesystem: true, 10001, 10001);

        Assert.Equal(false, container["allowPrivilegeEscalation"]);
        Assert.Equal(true, container["runAsNonRoot"]);
        Assert.Equal(true, container["readOnlyRootFilesystem"]);
        Assert.Equal(["ALL"], Items(Map(container["capabilities"])["drop"]));
        Assert.False(PodDefaults.RestrictedContainer(readOnlyRootFilesystem: false).ContainsKey("runAsUser"));
        Assert.Equal("RuntimeDefault", Map(PodDefaults.RestrictedPod()["seccompProfile"])["type"]);
    }

    [Fact]
    public void A_null_cpu_limit_leaves_cpu_unlimited_and_memory_limited()
    {
        var resources = PodDefaults.Resources("50m", "64Mi", cpuLimit: null, "128Mi");

        Assert.Equal(["memory"], Map(resources["limits"]).Keys);
        Assert.Equal(["cpu", "memory"], Map(resources["requests"]).Keys);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_deployment_and_cron_job_the_core_renders_uses_the_shared_pod_and_container_defaults(string stack)
    {
        var valid = Stack(stack);
        var workloads = PlatformRenderer.Render(valid).Objects.Where(o => o.Kind is "Deployment" or "CronJob").ToList();

        Assert.NotEmpty(workloads);
        foreach (var workload in workloads)
        {
            var template = Map(workload.Kind == "CronJob" ? At(workload, "spec", "jobTemplate", "spec", "template") : At(workload, "spec", "template"));
            var pod = Map(Map(template["spec"])["securityContext"]);
            Assert.Equal(true, pod["runAsNonRoot"]);
            Assert.Equal("RuntimeDefault", Map(pod["seccompProfile"])["type"]);
            foreach (var container in Items(Map(template["spec"])["containers"]).Select(Map))
            {
                var security = Map(container["securityContext"]);
                Assert.True(security["allowPrivilegeEscalation"] is false, workload.Id);
                Assert.Equal(["ALL"], Items(Map(security["capabilities"])["drop"]));
                Assert.Equal(["requests", "limits"], Map(container["resources"]).Keys);
            }
        }
    }
}
