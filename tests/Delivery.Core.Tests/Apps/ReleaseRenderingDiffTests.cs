using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Apps;

/// <summary>
/// Releasing is only a config change, and each kind of change touches only what it must: proved as
/// diffs between two renderings.
/// </summary>
public sealed class ReleaseRenderingDiffTests
{
    private static RenderingDiff Diff(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        RenderingDiff.Between(AppFixtures.Objects(before), AppFixtures.Objects(after));

    private static Dictionary<string, string?> Base() => TestConfigs.ValidDev().With(("apps:web:host", "shop.example.com"));

    [Fact]
    public void Unchanged_config_renders_byte_identical_output()
    {
        var first = YamlWriter.WriteAll(AppFixtures.Objects(Base()));
        var second = YamlWriter.WriteAll(AppFixtures.Objects(Base()));

        Assert.Equal(first, second);
        Assert.True(Diff(Base(), Base()).IsEmpty);
    }

    [Fact]
    public void Staging_a_version_in_the_idle_slot_changes_exactly_that_slots_deployment()
    {
        var diff = Diff(Base(), Base().With(("apps:api:blue", "1.5.1")));

        Assert.Equal(["Deployment/apps/api-blue"], diff.Changed);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Staging_into_an_empty_slot_adds_exactly_its_deployment()
    {
        var diff = Diff(Base(), Base().With(("apps:web:green", "2.4.0")));

        Assert.Equal(["Deployment/apps/web-green"], diff.Added);
        Assert.Empty(diff.Changed);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Switching_changes_exactly_the_live_service_and_no_deployment()
    {
        var diff = Diff(Base(), Base().With(("apps:api:live", "blue")));

        Assert.Equal(["Service/apps/api"], diff.Changed);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Rolling_back_is_the_same_small_diff_and_restores_the_original_bytes()
    {
        var switched = Base().With(("apps:api:live", "blue"));

        var rollback = Diff(switched, Base());

        Assert.Equal(["Service/apps/api"], rollback.Changed);
        Assert.Empty(rollback.Added);
        Assert.Empty(rollback.Removed);
        Assert.Equal(YamlWriter.WriteAll(AppFixtures.Objects(Base())), YamlWriter.WriteAll(AppFixtures.Objects(switched.With(("apps:api:live", "green")))));
    }

    [Fact]
    public void A_canary_weight_change_touches_only_the_route()
    {
        var canary = Base().With(("apps:api:canaryWeight", "10"));

        Assert.Equal(["HTTPRoute/apps/api"], Diff(Base(), canary).Changed);
        Assert.Equal(["HTTPRoute/apps/api"], Diff(canary, canary.With(("apps:api:canaryWeight", "25"))).Changed);
        Assert.Empty(Diff(Base(), canary).Added);
    }

    [Fact]
    public void Switching_with_a_canary_also_moves_the_canary_backend()
    {
        var canary = Base().With(("apps:api:canaryWeight", "10"));

        var diff = Diff(canary, canary.With(("apps:api:live", "blue")));

        Assert.Equal(["HTTPRoute/apps/api", "Service/apps/api"], diff.Changed);
    }

    [Fact]
    public void With_a_scaled_down_idle_slot_a_switch_also_scales_the_two_deployments()
    {
        var scaledDown = Base().With(("apps:api:idleReplicas", "0"), ("apps:api:replicas", "2"));

        var diff = Diff(scaledDown, scaledDown.With(("apps:api:live", "blue")));

        Assert.Equal(["Deployment/apps/api-blue", "Deployment/apps/api-green", "Service/apps/api"], diff.Changed);
    }

    [Fact]
    public void Scaling_changes_the_deployments_but_not_their_pod_templates()
    {
        var before = AppFixtures.Objects(Base());
        var after = AppFixtures.Objects(Base().With(("apps:api:replicas", "4")));

        Assert.Equal(["Deployment/apps/api-blue", "Deployment/apps/api-green"], RenderingDiff.Between(before, after).Changed);
        foreach (var id in new[] { "Deployment/apps/api-blue", "Deployment/apps/api-green" })
        {
            Assert.Equal(
                YamlWriter.Write(AppFixtures.At(AppFixtures.Find(before, id), "spec", "template")!),
                YamlWriter.Write(AppFixtures.At(AppFixtures.Find(after, id), "spec", "template")!));
        }
    }
}
