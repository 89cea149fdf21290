using Delivery.Core.Apps;
using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Security;
using Delivery.Core.Tests.Tools;
using Delivery.Core.Tests.Validation;

namespace Delivery.Core.Tests.Apps;

/// <summary>A rolling app's objects: one Deployment and one Service named after the app, and the shared objects as for blue/green.</summary>
public sealed class RollingAppTests
{
    /// <summary>A prod stack whose api is rolling (autoscaled, routed) and web blue/green.</summary>
    internal static Dictionary<string, string?> RollingProd() =>
        AppFixtures.Prod().With(
            ("apps:api:blue", null), ("apps:api:green", null), ("apps:api:live", null),
            ("apps:api:strategy", "rolling"), ("apps:api:version", Pinned), ("apps:api:autoscaling:maxReplicas", "6"),
            ("apps:api:rolling:maxSurge", "1"), ("apps:api:rolling:maxUnavailable", "25%"));

    private static readonly string Pinned = ExampleVersions.Pinned("1.5.0");

    private static Core.Configuration.LoadedConfig Loaded() => Valid(RollingProd());

    private static Core.Configuration.LoadedConfig Valid(Dictionary<string, string?> config)
    {
        var loaded = TestConfigs.Load(config, AppFixtures.ProdSecrets);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return loaded;
    }

    private static IReadOnlyList<KubernetesObject> ApiObjects()
    {
        var loaded = Loaded();
        return AppRenderer.Render(loaded.Valid(), "api").Objects;
    }

    [Fact]
    public void A_rolling_prod_app_renders_one_deployment_one_service_and_the_shared_objects()
    {
        Assert.Equal(
            [
                "ServiceAccount/apps/api", "Deployment/apps/api", "HorizontalPodAutoscaler/apps/api", "Service/apps/api", "HTTPRoute/apps/api",
                "PodDisruptionBudget/apps/api", "NetworkPolicy/apps/api", "ServiceMonitor/apps/api", "PrometheusRule/apps/api-slo",
            ],
            ApiObjects().Select(o => o.Id));
    }

    [Fact]
    public void The_deployment_rolls_as_configured_and_its_pods_carry_version_and_release()
    {
        var loaded = Loaded();
        var deployment = AppFixtures.Find(ApiObjects(), "Deployment/apps/api");

        Assert.Equal(1, AppFixtures.At(deployment, "spec", "strategy", "rollingUpdate", "maxSurge"));
        Assert.Equal("25%", AppFixtures.At(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Null(AppFixtures.At(deployment, "spec", "replicas")); // autoscaled
        var selector = (OrderedDictionary<string, object?>)AppFixtures.At(deployment, "spec", "selector", "matchLabels")!;
        Assert.Equal(["app.kubernetes.io/name=api", "delivery-platform/slot=rolling"], selector.Select(l => $"{l.Key}={l.Value}"));
        var labels = (OrderedDictionary<string, object?>)AppFixtures.At(deployment, "spec", "template", "metadata", "labels")!;
        Assert.Equal(ImageVersion.Parse(Pinned).Label, labels[StandardLabels.Version]);
        Assert.Equal(ReleaseId.Of(loaded.Valid(), "api", Slot.Rolling), labels[StandardLabels.Release]);
        Assert.StartsWith("1.5.0-sha256-", (string)labels[StandardLabels.Release]!, StringComparison.Ordinal);
        Assert.Equal("api", AppFixtures.At(AppFixtures.Find(ApiObjects(), "HorizontalPodAutoscaler/apps/api"), "spec", "scaleTargetRef", "name"));
    }

    [Fact]
    public void The_defaults_surge_a_quarter_with_none_unavailable()
    {
        var loaded = TestConfigs.Load(StrategyRulesTests.RollingWeb());
        var deployment = AppFixtures.Find(AppFixtures.Objects(loaded), "Deployment/apps/web");

        Assert.Equal("25%", AppFixtures.At(deployment, "spec", "strategy", "rollingUpdate", "maxSurge"));
        Assert.Equal(0, AppFixtures.At(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal(1, AppFixtures.At(deployment, "spec", "replicas"));
    }

    [Fact]
    public void The_service_selects_the_rolling_pods_and_the_route_and_monitor_use_it()
    {
        var objects = ApiObjects();
        var service = AppFixtures.Find(objects, "Service/apps/api");

        Assert.Equal("rolling", AppFixtures.At(service, "spec", "selector", StandardLabels.SlotLabel));
        Assert.Equal("apps/namespaces/apps/Deployment/api", service.Annotations[DependsOn.Annotation]);
        var backends = (List<object?>)AppFixtures.At(AppFixtures.Find(objects, "HTTPRoute/apps/api"), "spec", "rules", 0, "backendRefs")!;
        Assert.Equal("api", ((OrderedDictionary<string, object?>)Assert.Single(backends)!)["name"]);
        Assert.Equal(AppServices.LiveComponent, AppFixtures.At(AppFixtures.Find(objects, "ServiceMonitor/apps/api"), "spec", "selector", "matchLabels", StandardLabels.Component));
    }

    [Fact]
    public void Moving_between_strategies_keeps_the_version_but_not_the_release_id()
    {
        var blueGreen = Valid(AppFixtures.Prod());
        var rolling = Loaded();

        Assert.NotEqual(ReleaseId.Of(blueGreen.Valid(), "api", Slot.Green), ReleaseId.Of(rolling.Valid(), "api", Slot.Rolling));
        Assert.Equal(AppSummary.Of(blueGreen.Valid(), "api").LiveVersion, AppSummary.Of(rolling.Valid(), "api").LiveVersion);
        Assert.Equal(new AppSummary("rolling", Pinned, "", ReleaseId.Of(rolling.Valid(), "api", Slot.Rolling), "", "api", "", ""), AppSummary.Of(rolling.Valid(), "api"));
    }

    [Fact]
    public void The_apps_quota_holds_a_rolling_app_at_its_ceiling_plus_the_surge()
    {
        var rolling = Loaded();
        var blueGreen = Valid(AppFixtures.Prod().With(("apps:api:autoscaling:maxReplicas", "6")));

        // api: 6 + 1 surge rolling, 2 × 6 blue/green; web: 2 × 2 either way.
        Assert.Equal(7 + 4, ResourceBudgets.AppsSteadyState(rolling.Config).Pods);
        Assert.Equal(12 + 4, ResourceBudgets.AppsSteadyState(blueGreen.Config).Pods);
    }

    [Fact]
    public void The_rolling_objects_pass_the_real_schemas_yamllint_and_restricted_pod_security()
    {
        var objects = AppFixtures.Objects(Loaded());

        SchemaCheck.AssertValid(objects);
        YamlLint.AssertClean(YamlWriter.WriteAll(objects));
        Assert.All(objects.Where(o => o.Kind == "Deployment"),
            d => Assert.Empty(RestrictedPodSecurity.Violations((OrderedDictionary<string, object?>)AppFixtures.At(d, "spec", "template", "spec")!)));
    }

    [Fact]
    public void The_policy_scanner_finds_only_the_accepted_warnings_in_a_stack_with_a_rolling_app()
    {
        // web's green slot gets a version too: an empty slot's Service selects no pods, a warning of its own.
        var loaded = Valid(RollingProd().With(("apps:web:green", ExampleVersions.Pinned("2.4.0"))));
        PolicyScanTests.AssertOnlyAccepted(PolicyCheck.Scan(PlatformRenderer.Render(loaded.Valid())));
    }
}
