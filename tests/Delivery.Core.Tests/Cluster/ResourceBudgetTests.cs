using Delivery.Core.Cluster;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Registry;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class ResourceBudgetTests
{
    private static decimal Hard(DeliveryConfig config, Tier tier, string @namespace, string key) =>
        Quantities.Parse((string)At(Single(ClusterBaselineRenderer.Render(config.Valid(tier)).Objects, "ResourceQuota", @namespace, ResourceBudgets.QuotaName), "spec", "hard", key)!)!.Value;

    [Fact]
    public void The_apps_quota_fits_both_slots_of_every_app_at_their_limits_with_half_again_as_headroom()
    {
        var config = Dev(("apps:api:replicas", "2"), ("apps:api:resources:memoryLimit", "300Mi"), ("apps:web:autoscaling:maxReplicas", "4"));
        // api: 2 slots × 2 pods × 300Mi; web: 2 slots × 4 pods (its autoscaling ceiling) × the dev default 256Mi.
        var bothSlots = (2 * 2 * 300m + 2 * 4 * 256m) * 1024 * 1024;

        Assert.True(Hard(config, Tier.Dev, PlatformNamespaces.Apps, "limits.memory") >= bothSlots * 1.5m);
        Assert.Equal(Math.Ceiling((2 * 2 + 2 * 4) * 1.5m), Hard(config, Tier.Dev, PlatformNamespaces.Apps, "pods"));
    }

    /// <summary>Every key of a ResourceQuota's hard limits the budgets set.</summary>
    public static TheoryData<string> QuotaKeys() => ["pods", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

    [Theory]
    [MemberData(nameof(QuotaKeys))]
    public void The_apps_quota_grows_with_another_app_and_with_more_replicas(string key)
    {
        var two = Hard(Dev(), Tier.Dev, PlatformNamespaces.Apps, key);
        var three = Hard(Dev(("apps:cart:image", "shop/cart"), ("apps:cart:blue", "1.0.0"), ("apps:cart:live", "blue")), Tier.Dev, PlatformNamespaces.Apps, key);
        var scaled = Hard(Dev(("apps:web:replicas", "3")), Tier.Dev, PlatformNamespaces.Apps, key);

        Assert.True(three > two, $"{key}: {three} should exceed {two}");
        Assert.True(scaled > two, $"{key}: {scaled} should exceed {two}");
    }

    [Fact]
    public void Larger_tiers_get_larger_budgets_because_their_apps_and_jobs_are_larger()
    {
        var ci = new[] { ("ci:mode", (string?)"gitlab"), ("ci:gitlab:url", "https://gitlab.example.com") };
        var dev = Dev(ci);
        // Prod hosts build runners only when asked to (TierProfile.HostsBuildRunners).
        var prod = Dev([("environment", "prod"), ("ci:buildRunners", "true"), .. ci]);

        Assert.True(Hard(prod, Tier.Prod, PlatformNamespaces.Apps, "limits.cpu") > Hard(dev, Tier.Dev, PlatformNamespaces.Apps, "limits.cpu"));
        Assert.True(Hard(prod, Tier.Prod, PlatformNamespaces.Ci, "limits.memory") > Hard(dev, Tier.Dev, PlatformNamespaces.Ci, "limits.memory"));
    }

    [Fact]
    public void The_ci_quotas_follow_the_runner_ceilings_and_there_are_none_without_runners()
    {
        DeliveryConfig GitHub(int max) => Dev(("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:maxRunners", $"{max}"));
        var gitlab = Ci.CiFixtures.GitLab(("ci:gitlab:concurrency", "4"));

        Assert.DoesNotContain(ClusterBaselineRenderer.Render(Dev().Valid(Tier.Dev)).Objects, o => o.Namespace is PlatformNamespaces.Ci or PlatformNamespaces.CiRelease);
        // Every runner busy at once fits, with half again as headroom: a runner pod and a workflow pod per
        // job of the 3 default runners in ci (the default controller and listener run in ci-control)...
        Assert.Equal(Math.Ceiling(3 * 2 * 1.5m), Hard(GitHub(3), Tier.Dev, PlatformNamespaces.Ci, "pods"));
        Assert.True(Hard(GitHub(3), Tier.Dev, PlatformNamespaces.Ci, "limits.cpu") >= 3 * 2 * ResourceBudgets.CiPod(TierProfile.Dev).CpuLimit);
        // ...and of the 2 release runners in ci-release, beside the release controller and its listener.
        Assert.Equal(Math.Ceiling((2 * 2 + 2) * 1.5m), Hard(GitHub(3), Tier.Dev, PlatformNamespaces.CiRelease, "pods"));
        Assert.Equal(Hard(GitHub(3), Tier.Dev, PlatformNamespaces.CiRelease, "pods"), Hard(GitHub(6), Tier.Dev, PlatformNamespaces.CiRelease, "pods"));
        // GitLab: one pod per job, the default runner's concurrency in ci and the release runner's 2 in ci-release (its manager runs in ci-control).
        Assert.Equal(Math.Ceiling(4 * 1.5m), Hard(gitlab, Tier.Dev, PlatformNamespaces.Ci, "pods"));
        Assert.Equal(Math.Ceiling(2 * 1.5m), Hard(gitlab, Tier.Dev, PlatformNamespaces.CiRelease, "pods"));
        Assert.True(Hard(GitHub(6), Tier.Dev, PlatformNamespaces.Ci, "limits.cpu") > Hard(GitHub(3), Tier.Dev, PlatformNamespaces.Ci, "limits.cpu"));
    }

    /// <summary>Validation refuses these values; past it, the arithmetic must still never wrap to a negative quantity or throw.</summary>
    [Theory]
    [MemberData(nameof(QuotaKeys))]
    public void Quotas_never_overflow_to_a_negative_quantity_even_past_validation(string key)
    {
        var huge = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var apps = Dev(("apps:api:replicas", huge), ("apps:web:autoscaling:maxReplicas", huge), ("apps:api:resources:memoryLimit", "70000000000000000000000000000"));
        var ci = Dev(("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:maxRunners", huge));

        foreach (var (config, @namespace) in new[] { (apps, PlatformNamespaces.Apps), (ci, PlatformNamespaces.Ci) })
        {
            var hard = Hard(config, Tier.Dev, @namespace, key);
            Assert.True(hard > 0, $"{@namespace} {key}: {hard}");
            Assert.True(hard <= long.MaxValue, $"{@namespace} {key}: {hard} is past a Kubernetes quantity's int64");
        }
        if (key == "pods")
        {
            // Exact in long: two apps' both slots at int.MaxValue pods; 2 pods per runner; half again as headroom.
            Assert.Equal(Math.Ceiling(4m * int.MaxValue * 1.5m), Hard(apps, Tier.Dev, PlatformNamespaces.Apps, key));
            Assert.Equal(Math.Ceiling(2m * int.MaxValue * 1.5m), Hard(ci, Tier.Dev, PlatformNamespaces.Ci, key));
        }
    }

    [Fact]
    public void The_registry_quota_fits_the_registry_and_its_garbage_collector_exactly_and_only_in_cluster()
    {
        var objects = ClusterBaselineRenderer.Render(Dev().Valid(Tier.Dev)).Objects;
        var registry = RegistryRenderer.Render(Dev().Valid(Tier.Dev)).Objects;
        // Every pod in the namespace is the registry's, sized by RegistryResources; its collector is an init container, so no second pod.
        Assert.Single(registry, o => o.Kind is "Deployment" or "CronJob" or "Job");

        Assert.Equal(ResourceBudgets.RegistryPods, Hard(Dev(), Tier.Dev, PlatformNamespaces.Registry, "pods"));
        Assert.Equal(RegistryResources.Size(TierProfile.Dev).MemoryLimit, Hard(Dev(), Tier.Dev, PlatformNamespaces.Registry, "limits.memory"));
        Assert.Equal(RegistryResources.Size(TierProfile.Prod).CpuLimit, Hard(Dev(("environment", "prod")), Tier.Prod, PlatformNamespaces.Registry, "limits.cpu"));
        Assert.Contains(objects, o => o is { Kind: "LimitRange", Namespace: PlatformNamespaces.Registry });
        Assert.DoesNotContain(ClusterBaselineRenderer.Render(Local().Valid(Tier.Local)).Objects, o => o.Namespace == PlatformNamespaces.Registry);
    }

    [Theory]
    [InlineData(PlatformNamespaces.Apps)]
    [InlineData(PlatformNamespaces.Ci)]
    [InlineData(PlatformNamespaces.CiRelease)]
    [InlineData(PlatformNamespaces.Registry)]
    public void Container_defaults_fit_under_the_per_container_ceiling(string @namespace)
    {
        var config = DevWithRunners(("apps:api:resources:cpuLimit", "2"), ("apps:api:resources:memoryLimit", "1Gi"));
        var limits = Map(Items(At(Single(ClusterBaselineRenderer.Render(config.Valid(Tier.Dev)).Objects, "LimitRange", @namespace, ResourceBudgets.LimitRangeName), "spec", "limits")).Single());
        decimal Value(string group, string resource) => Quantities.Parse((string)Map(limits[group])[resource]!)!.Value;

        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(Value("defaultRequest", resource) <= Value("default", resource));
            Assert.True(Value("default", resource) <= Value("max", resource));
        }
        if (@namespace == PlatformNamespaces.Apps)
        {
            Assert.Equal(2m, Value("max", "cpu"));
            Assert.Equal(1024m * 1024 * 1024, Value("max", "memory"));
        }
    }
}
