using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

/// <summary>What the gate holds: a release; what it never holds: a rollback (live back to the recorded previous version).</summary>
public sealed class ReleaseChangeTests
{
    private static DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    /// <summary>Deployed: api green 1.5.0 live, blue 1.4.2, live before the switch to 1.5.0; web blue 2.3.1.</summary>
    private static ReleaseState Deployed(DeliveryConfig config)
    {
        var deployed = ReleaseState.Of(config);
        var api = deployed.Apps["api"];
        return new ReleaseState(new Dictionary<string, AppReleaseState>(deployed.Apps) { ["api"] = api with { PreviousLiveVersion = api.Blue, PreviousLiveSlot = "blue" } });
    }

    private static ReleaseChange Change(params (string Key, string? Value)[] changes) =>
        ReleaseChange.Between(Config(changes), Deployed(Config()));

    [Fact]
    public void No_release_change_is_none() => Assert.Equal(ReleaseChangeKind.None, Change(("apps:api:port", "9090")).Kind);

    [Fact]
    public void Staging_a_new_version_is_a_release_naming_the_staged_slot()
    {
        var change = Change(("apps:api:blue", "1.6.0"));

        Assert.Equal(ReleaseChangeKind.Release, change.Kind);
        Assert.Equal([new StagedSlot("api", Slot.Blue, "1.6.0")], change.Staged);
        Assert.Equal(["api: live green 1.5.0, idle 1.4.2 -> live green 1.5.0, idle 1.6.0"], change.Changes);
    }

    [Fact]
    public void Going_back_to_a_version_live_before_is_a_rollback() =>
        Assert.Equal(ReleaseChangeKind.Rollback, Change(("apps:api:live", "blue")).Kind);

    [Fact]
    public void Switching_back_when_the_target_was_staged_over_is_a_release() =>
        Assert.Equal(ReleaseChangeKind.Release, Change(("apps:api:blue", "1.4.3"), ("apps:api:live", "blue")).Kind);

    [Fact]
    public void Switching_back_with_no_recorded_target_is_a_release() =>
        Assert.Equal(ReleaseChangeKind.Release, ReleaseChange.Between(Config(("apps:api:live", "blue")), ReleaseState.Of(Config())).Kind);

    [Fact]
    public void Switching_to_a_version_never_live_here_is_a_release() =>
        Assert.Equal(ReleaseChangeKind.Release, Change(("apps:api:blue", "1.6.0"), ("apps:api:live", "blue")).Kind);

    [Fact]
    public void Growing_a_canary_is_a_release_and_ending_one_is_not()
    {
        Assert.Equal(ReleaseChangeKind.Release, Change(("apps:api:canaryWeight", "10")).Kind);
        var ending = ReleaseChange.Between(Config(), ReleaseState.Of(Config(("apps:api:canaryWeight", "10"))));
        Assert.Equal(ReleaseChangeKind.Rollback, ending.Kind);
    }

    [Fact]
    public void A_rollback_of_one_app_with_a_release_of_another_is_a_release() =>
        Assert.Equal(ReleaseChangeKind.Release, Change(("apps:api:live", "blue"), ("apps:web:green", "2.4.0")).Kind);

    private static readonly FiringAlert Watchdog = new(new Dictionary<string, string> { ["alertname"] = "Watchdog", ["severity"] = "none" }, new Dictionary<string, string>());

    [Fact]
    public void A_release_is_refused_for_each_blocking_alert_and_burn_and_a_rollback_never()
    {
        var alert = new FiringAlert(new Dictionary<string, string> { ["alertname"] = "AppPodCrashLooping", ["severity"] = "critical", ["app"] = "api" },
            new Dictionary<string, string> { ["summary"] = "api pod is crash looping" });
        var burn = new BudgetBurn("web", 0.3, 0.144, "q");

        var stackScope = Config(("release:gateScope", "stack"));

        var refused = ReleaseGate.Judge(stackScope, Change(("apps:api:blue", "1.6.0")), [Watchdog, alert], [burn]);
        var rollback = ReleaseGate.Judge(stackScope, Change(("apps:api:live", "blue")), [alert], [burn]);

        Assert.False(refused.Passes);
        Assert.Equal(["critical alert AppPodCrashLooping (api) is firing: api pod is crash looping",
            "web is burning its error budget fast: 30% of requests failed over the last hour (threshold 14.4%)"], refused.Reasons);
        Assert.Empty(refused.OutOfScope);
        Assert.Equal([alert], refused.Firing);
        Assert.True(rollback.Passes);
    }

    [Fact]
    public void By_default_a_release_is_refused_for_its_own_apps_and_the_platforms_alerts_not_another_apps()
    {
        var webAlert = new FiringAlert(new Dictionary<string, string> { ["alertname"] = "AppPodCrashLooping", ["severity"] = "critical", ["app"] = "web" },
            new Dictionary<string, string> { ["summary"] = "web pod is crash looping" });
        var platformAlert = new FiringAlert(new Dictionary<string, string> { ["alertname"] = "KubeNodeNotReady", ["severity"] = "critical" },
            new Dictionary<string, string> { ["summary"] = "a node is not ready" });
        var webBurn = new BudgetBurn("web", 0.3, 0.144, "q");

        var apiRelease = ReleaseGate.Judge(Config(), Change(("apps:api:blue", "1.6.0")), [Watchdog, webAlert], [webBurn]);
        var withPlatform = ReleaseGate.Judge(Config(), Change(("apps:api:blue", "1.6.0")), [Watchdog, webAlert, platformAlert], []);
        var webRelease = ReleaseGate.Judge(Config(), Change(("apps:web:green", "2.4.0")), [Watchdog, webAlert], [webBurn]);

        Assert.True(apiRelease.Passes);
        Assert.Equal(["critical alert AppPodCrashLooping (web) is firing: web pod is crash looping",
            "web is burning its error budget fast: 30% of requests failed over the last hour (threshold 14.4%)"], apiRelease.OutOfScope);
        Assert.Empty(apiRelease.Firing);
        Assert.Equal(["critical alert KubeNodeNotReady (platform) is firing: a node is not ready"], withPlatform.Reasons);
        Assert.Equal([platformAlert], withPlatform.Firing);
        Assert.False(webRelease.Passes);
        Assert.Equal(2, webRelease.Reasons.Count);
    }

    [Fact]
    public void An_unknown_gate_scope_is_refused_with_the_closest_one()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With([("release:gateScope", "stak")]));

        var error = Assert.Single(loaded.Errors);
        Assert.Equal("error: delivery-platform:release.gateScope = \"stak\": must be app or stack. Fix: pulumi config set --path delivery-platform:release.gateScope stack.", error.ToString());
    }

    [Fact]
    public void A_silenced_or_inhibited_critical_alert_still_refuses_a_release_and_says_so()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "AppPodCrashLooping", ["severity"] = "critical", ["app"] = "api" };
        var summary = new Dictionary<string, string> { ["summary"] = "api pod is crash looping" };

        var silenced = ReleaseGate.Judge(Config(), Change(("apps:api:blue", "1.6.0")), [Watchdog, new FiringAlert(labels, summary, "silenced")], []);
        var inhibited = ReleaseGate.Judge(Config(), Change(("apps:api:blue", "1.6.0")), [Watchdog, new FiringAlert(labels, summary, "inhibited")], []);

        Assert.Equal(["critical alert AppPodCrashLooping (api) is firing (silenced: hidden from receivers, not from the gate): api pod is crash looping"], silenced.Reasons);
        Assert.Equal(["critical alert AppPodCrashLooping (api) is firing (inhibited: hidden from receivers, not from the gate): api pod is crash looping"], inhibited.Reasons);
    }

    [Fact]
    public void Without_the_Watchdog_a_release_is_refused_as_the_alert_pipeline_is_dead_but_a_rollback_passes()
    {
        var dead = ReleaseGate.Judge(Config(), Change(("apps:api:blue", "1.6.0")), [], []);
        var alive = ReleaseGate.Judge(Config(), Change(("apps:api:blue", "1.6.0")), [Watchdog], []);
        var rollback = ReleaseGate.Judge(Config(), Change(("apps:api:live", "blue")), [], []);

        var reason = Assert.Single(dead.Reasons);
        Assert.StartsWith("the alert pipeline is dead: no Watchdog alert in Alertmanager", reason, StringComparison.Ordinal);
        Assert.False(dead.Passes);
        Assert.True(alive.Passes);
        Assert.True(rollback.Passes);
    }

    [Fact]
    public void Only_critical_alerts_of_this_stacks_apps_or_the_platform_block()
    {
        static FiringAlert Alert(string severity, string? app) => new(
            app is null ? new Dictionary<string, string> { ["alertname"] = "A", ["severity"] = severity } : new Dictionary<string, string> { ["alertname"] = "A", ["severity"] = severity, ["app"] = app },
            new Dictionary<string, string>());

        var blocking = ReleaseGate.Blocking(Config(), [Alert("critical", "api"), Alert("critical", null), Alert("warning", "api"), Alert("critical", "billing")]);

        Assert.Equal([("critical", "api"), ("critical", "")], blocking.Select(a => (a.Labels["severity"], a.Labels.GetValueOrDefault("app", ""))));
    }
}
