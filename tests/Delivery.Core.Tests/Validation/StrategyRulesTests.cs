using Delivery.Core.Model;

namespace Delivery.Core.Tests.Validation;

/// <summary>apps.&lt;name&gt;.strategy: each rule with its key as typed in pulumi config set --path, the bad value and the fix.</summary>
public sealed class StrategyRulesTests
{
    private const string P = "delivery-platform:";

    /// <summary>The valid dev config with web rolling at 2.3.1.</summary>
    public static Dictionary<string, string?> RollingWeb() =>
        TestConfigs.ValidDev().With(("apps:web:blue", null), ("apps:web:live", null), ("apps:web:strategy", "rolling"), ("apps:web:version", "2.3.1"));

    [Fact]
    public void A_rolling_app_with_its_version_and_defaults_is_valid() =>
        Assert.Empty(TestConfigs.Load(RollingWeb()).Problems);

    [Fact]
    public void Rolling_settings_take_counts_and_percentages() =>
        Assert.Empty(TestConfigs.Load(RollingWeb().With(("apps:web:rolling:maxSurge", "2"), ("apps:web:rolling:maxUnavailable", "10%"))).Problems);

    [Theory]
    [InlineData("apps:web:strategy", "roling", "apps.web.strategy", "roling", "did you mean \"rolling\"? pulumi config set --path delivery-platform:apps.web.strategy rolling.")]
    [InlineData("apps:web:strategy", "bluegreen", "apps.web.strategy", "bluegreen", "did you mean \"blueGreen\"? pulumi config set --path delivery-platform:apps.web.strategy blueGreen.")]
    [InlineData("apps:web:strategy", "canary", "apps.web.strategy", "canary", "pulumi config set --path delivery-platform:apps.web.strategy <blueGreen|rolling>.")]
    [InlineData("apps:web:version", null, "apps.web.version", null, "pulumi config set --path delivery-platform:apps.web.version <version>.")]
    [InlineData("apps:web:version", "latest", "apps.web.version", "latest", null)]
    [InlineData("apps:web:blue", "2.3.0", "apps.web.blue", "2.3.0",
        "pulumi config rm --path delivery-platform:apps.web.blue, or keep the app blue/green: pulumi config set --path delivery-platform:apps.web.strategy blueGreen.")]
    [InlineData("apps:web:green", "2.3.0", "apps.web.green", "2.3.0", null)]
    [InlineData("apps:web:live", "blue", "apps.web.live", "blue", null)]
    [InlineData("apps:web:canaryWeight", "10", "apps.web.canaryWeight", "10", null)]
    [InlineData("apps:web:idleReplicas", "0", "apps.web.idleReplicas", "0", null)]
    [InlineData("apps:web:rolling:maxSurge", "one", "apps.web.rolling.maxSurge", "one", "pulumi config set --path delivery-platform:apps.web.rolling.maxSurge 25%.")]
    [InlineData("apps:web:rolling:maxSurge", "150%", "apps.web.rolling.maxSurge", "150%", "pulumi config set --path delivery-platform:apps.web.rolling.maxSurge <0–100>%.")]
    [InlineData("apps:web:rolling:maxUnavailable", "-1", "apps.web.rolling.maxUnavailable", "-1", "pulumi config set --path delivery-platform:apps.web.rolling.maxUnavailable 0.")]
    [InlineData("apps:web:rolling:maxUnavailable", "60000", "apps.web.rolling.maxUnavailable", "60000", "pulumi config set --path delivery-platform:apps.web.rolling.maxUnavailable <0–50000>.")]
    public void Each_bad_rolling_setting_names_its_key_value_and_fix(string key, string? value, string path, string? shown, string? fix)
    {
        var loaded = TestConfigs.Load(RollingWeb().With((key, value)));

        var problem = Assert.Single(loaded.Errors, p => p.Key == P + path);
        Assert.Equal(shown, problem.Value);
        if (fix is not null)
            Assert.Equal(fix, problem.Fix);
    }

    [Fact]
    public void A_slot_version_on_a_rolling_app_without_its_version_says_where_it_goes()
    {
        var loaded = TestConfigs.Load(RollingWeb().With(("apps:web:version", null), ("apps:web:blue", "2.3.1")));

        Assert.Contains(loaded.Errors, p => p.Key == P + "apps.web.blue" && p.Fix.StartsWith("pulumi config rm --path delivery-platform:apps.web.blue (its version goes in delivery-platform:apps.web.version)", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_zero_is_refused_once_on_max_unavailable()
    {
        var loaded = TestConfigs.Load(RollingWeb().With(("apps:web:rolling:maxSurge", "0%"), ("apps:web:rolling:maxUnavailable", "0")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal(P + "apps.web.rolling.maxUnavailable", problem.Key);
        Assert.Equal("is 0, and so is delivery-platform:apps.web.rolling.maxSurge: a rollout could neither start a new pod nor stop an old one (Kubernetes refuses the Deployment).", problem.Message);
    }

    [Fact]
    public void Zero_surge_with_some_unavailable_is_valid() =>
        Assert.Empty(TestConfigs.Load(RollingWeb().With(("apps:web:rolling:maxSurge", "0"), ("apps:web:rolling:maxUnavailable", "1"))).Problems);

    [Theory]
    [InlineData("apps:api:version", "1.6.0", "apps.api.version")]
    [InlineData("apps:api:rolling:maxSurge", "1", "apps.api.rolling.maxSurge")]
    [InlineData("apps:api:rolling:maxUnavailable", "0", "apps.api.rolling.maxUnavailable")]
    public void A_blue_green_app_refuses_rolling_keys(string key, string value, string path)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With((key, value)));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal(P + path, problem.Key);
        Assert.Equal(value, problem.Value);
        Assert.EndsWith("or make the app rolling: pulumi config set --path delivery-platform:apps.api.strategy rolling.", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_half_migrated_app_is_reported_at_once()
    {
        // Strategy set to rolling, but the slots still there and the rollout settings wrong.
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(
            ("apps:api:strategy", "rolling"), ("apps:api:canaryWeight", "10"), ("apps:api:idleReplicas", "0"),
            ("apps:api:rolling:maxSurge", "lots"), ("apps:web:version", "2.4.0")));

        Assert.Equal(
            [
                P + "apps.api.blue", P + "apps.api.canaryWeight", P + "apps.api.green", P + "apps.api.idleReplicas", P + "apps.api.live",
                P + "apps.api.rolling.maxSurge", P + "apps.api.version", P + "apps.web.version",
            ],
            loaded.Errors.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_strategy_is_the_only_strategy_problem()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:strategy", "rollin"), ("apps:api:version", "1.6.0")));

        Assert.Equal([P + "apps.api.strategy"], loaded.Errors.Select(p => p.Key));
    }

    [Fact]
    public void The_default_rollout_keeps_full_capacity_and_surges_a_quarter()
    {
        var app = TestConfigs.Load(RollingWeb()).Config.Apps["web"];

        Assert.Equal(("25%", "0"), (Strategies.MaxSurge(app), Strategies.MaxUnavailable(app)));
        Assert.Equal(1, Strategies.SurgePods(app, 1));
        Assert.Equal(3, Strategies.SurgePods(app, 10));
    }
}
