using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// A ResourceQuota and a LimitRange for the namespaces whose size the config decides: apps (the
/// apps' slots), ci and ci-release (the default and release runners, where there are any) and registry (the in-cluster registry).
/// gateway and monitoring have none: most of their containers are sized by their charts, not by
/// this code, so a computed quota could be wrong and would stall the Gateway or the alerts on the
/// day they are needed (see docs/SECURITY.md). Quotas are computed from the config, never fixed numbers.
/// </summary>
public static class ResourceBudgets
{
    /// <summary>
    /// Headroom over the steady state: a rolling update surges (25% by default) while the other
    /// slot is kept warm, and a rollout must never stall on the quota.
    /// </summary>
    public const decimal Headroom = 1.5m;

    public const string QuotaName = "platform-budget";
    public const string LimitRangeName = "container-defaults";

    /// <summary>
    /// Pods the registry namespace runs at most: the registry (one replica, replaced with
    /// <c>Recreate</c>, so never two), whose garbage collector is its init container.
    /// </summary>
    public const int RegistryPods = 1;

    /// <summary>Jobs that can run at once in ci: the default runners'.</summary>
    public static long CiJobs(DeliveryConfig config) => !Ci.CiRunnersRenderer.HasBuildRunners(config) ? 0 : config.Ci.Kind switch
    {
        CiMode.GitHub => config.Ci.Github.MaxRunners,
        CiMode.GitLab => config.Ci.Gitlab.Concurrency,
        _ => 0,
    };

    /// <summary>Jobs that can run at once in ci-release: the release runners' (push credentials), where they exist.</summary>
    public static long ReleaseJobs(DeliveryConfig config) =>
        Ci.CiRunnersRenderer.HasReleaseRunners(config) ? Ci.CiRunnersRenderer.ReleaseRunners : 0;

    /// <summary>
    /// Pods in ci-release besides the jobs': ARC's release controller and the release scale set's
    /// listener (GitHubRunners); GitLab's release manager runs in ci-control.
    /// </summary>
    public static int ReleaseControlPods(CiConfig ci) => ci.Kind == CiMode.GitHub ? 2 : 0;

    /// <summary>
    /// Pods one job runs: ARC's Kubernetes container mode runs the runner pod plus a workflow pod;
    /// GitLab's executor runs one pod.
    /// </summary>
    public static int CiPodsPerJob(CiConfig ci) => ci.Kind == CiMode.GitHub ? 2 : 1;

    /// <summary>
    /// Containers one job runs, each sized like a job pod by the ci LimitRange: the runner and the
    /// workflow container (ARC), or the build and helper containers (GitLab).
    /// </summary>
    public const int CiContainersPerJob = 2;

    /// <summary>
    /// What one CI job pod (or system pod) may use: the runners' job size. Also the ci LimitRange
    /// default, so a job that sets nothing gets exactly its share of the quota.
    /// </summary>
    public static PodResources CiPod(TierProfile profile) => PodResources.Of(profile.RunnerJob);

    /// <summary>The tier's default app container size (<see cref="TierProfile.AppContainer"/>, as the binder's defaults).</summary>
    public static PodResources TierAppDefaults(TierProfile profile) => PodResources.Of(profile.AppContainer);

    /// <summary>
    /// Both slots of every blue/green app at full size (a release can fill the idle slot at any time),
    /// the live slot at its autoscaling ceiling; a rolling app at its ceiling plus its rollout's
    /// surge; one container per pod.
    /// </summary>
    /// <remarks>
    /// Counted in long and checked: validation bounds replicas (<c>Validation.Bounds</c>), but
    /// even int.MaxValue pods per slot of every app cannot wrap; resources cap at <see cref="PodResources.MaxQuantity"/>.
    /// </remarks>
    public static (long Pods, PodResources Resources) AppsSteadyState(DeliveryConfig config)
    {
        long pods = 0;
        var total = PodResources.None;
        foreach (var app in config.Apps.Values)
        {
            long slotPods = Math.Max(0, Math.Max(app.Replicas, app.Autoscaling.MaxReplicas));
            var resources = PodResources.Of(app.Resources);
            var appPods = Strategies.IsRolling(app) ? checked(slotPods + Strategies.SurgePods(app, slotPods)) : 2 * slotPods;
            pods = checked(pods + appPods);
            total = total.Plus(resources.Times(appPods));
        }
        return (pods, total);
    }

    public static IReadOnlyList<KubernetesObject> Render(ValidStack stack)
    {
        var (appPods, appTotal) = AppsSteadyState(stack.Config);
        var appDefaults = TierAppDefaults(stack.Profile);
        var largestApp = stack.Config.Apps.Values
            .Select(app => PodResources.Of(app.Resources))
            .Aggregate(appDefaults, (max, next) => max.Max(next));

        var ciPod = CiPod(stack.Profile);
        long ciJobs = Math.Max(0, CiJobs(stack.Config));
        // Only jobs run in ci: ARC's default controller and listener and GitLab's managers run in ci-control.
        var ciPods = checked(ciJobs * CiPodsPerJob(stack.Config.Ci));
        var ciContainers = checked(ciJobs * CiContainersPerJob);
        // ARC's release controller and listener (one container each) share ci-release with the release jobs.
        var releasePods = checked(ReleaseJobs(stack.Config) * CiPodsPerJob(stack.Config.Ci) + ReleaseControlPods(stack.Config.Ci));
        var releaseContainers = checked(ReleaseJobs(stack.Config) * CiContainersPerJob + ReleaseControlPods(stack.Config.Ci));

        List<KubernetesObject> budgets =
        [
            Quota(PlatformNamespaces.Apps, Scaled(appPods), appTotal.Times(Headroom)),
            Limits(PlatformNamespaces.Apps, appDefaults, largestApp),
        ];
        if (PlatformNamespaceObjects.InUse(stack.Config).Contains(PlatformNamespaces.Ci))
        {
            budgets.Add(Quota(PlatformNamespaces.Ci, Scaled(ciPods), ciPod.Times(ciContainers).Times(Headroom)));
            budgets.Add(Limits(PlatformNamespaces.Ci, ciPod, ciPod));
        }
        if (PlatformNamespaceObjects.InUse(stack.Config).Contains(PlatformNamespaces.CiRelease))
        {
            budgets.Add(Quota(PlatformNamespaces.CiRelease, Scaled(releasePods), ciPod.Times(releaseContainers).Times(Headroom)));
            budgets.Add(Limits(PlatformNamespaces.CiRelease, ciPod, ciPod));
        }
        if (PlatformNamespaceObjects.InUse(stack.Config).Contains(PlatformNamespaces.Registry))
        {
            var registryPod = Registry.RegistryResources.Size(stack.Profile);
            budgets.Add(Quota(PlatformNamespaces.Registry, RegistryPods, registryPod.Times(RegistryPods)));
            budgets.Add(Limits(PlatformNamespaces.Registry, registryPod, registryPod));
        }
        return budgets;
    }

    private static long Scaled(long pods) => (long)Math.Ceiling(pods * Headroom);

    private static KubernetesObject Quota(string @namespace, long pods, PodResources total) =>
        Manifest.Object("v1", "ResourceQuota", QuotaName, @namespace, StandardLabels.Shared(QuotaName, ClusterBaselineRenderer.Component),
            ("spec", Map(("hard", Map(
                ("pods", pods.ToString(CultureInfo.InvariantCulture)),
                ("requests.cpu", PodResources.Cpu(total.CpuRequest)),
                ("requests.memory", PodResources.Memory(total.MemoryRequest)),
                ("limits.cpu", PodResources.Cpu(total.CpuLimit)),
                ("limits.memory", PodResources.Memory(total.MemoryLimit)))))));

    /// <summary>
    /// Defaults for containers that set nothing (a quota on limits rejects them otherwise) and a
    /// per-container ceiling, so one pod cannot take the namespace's whole quota.
    /// </summary>
    private static KubernetesObject Limits(string @namespace, PodResources defaults, PodResources ceiling) =>
        Manifest.Object("v1", "LimitRange", LimitRangeName, @namespace, StandardLabels.Shared(LimitRangeName, ClusterBaselineRenderer.Component),
            ("spec", Map(("limits", List(Map(
                ("type", "Container"),
                ("default", Map(("cpu", PodResources.Cpu(defaults.CpuLimit)), ("memory", PodResources.Memory(defaults.MemoryLimit)))),
                ("defaultRequest", Map(("cpu", PodResources.Cpu(defaults.CpuRequest)), ("memory", PodResources.Memory(defaults.MemoryRequest)))),
                ("max", Map(("cpu", PodResources.Cpu(ceiling.CpuLimit)), ("memory", PodResources.Memory(ceiling.MemoryLimit))))))))));
}
