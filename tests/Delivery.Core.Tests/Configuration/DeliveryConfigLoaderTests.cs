using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Configuration;

public sealed class DeliveryConfigLoaderTests
{
    [Fact]
    public void Binds_every_section_of_the_model()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(
            ("apps:api:env:LOG_LEVEL", "debug"), ("apps:api:idleReplicas", "0"), ("monitoring:slo:errorRateTarget", "0.002"))).Config;

        Assert.Equal("dev", config.Environment);
        Assert.Equal(ClusterConfig.Existing, config.Cluster.Mode);
        Assert.Equal("registry.dev.example.com", config.Registry.Host);
        Assert.Equal(["api", "web"], config.Apps.Keys.Order(StringComparer.Ordinal));
        var api = config.Apps["api"];
        Assert.Equal(("1.4.2", "1.5.0", "green"), (api.Blue, api.Green, api.Live));
        Assert.Equal(["web"], api.Callers);
        Assert.Equal("debug", api.Env["LOG_LEVEL"]);
        Assert.Equal(0, api.IdleReplicas);
        Assert.Null(config.Apps["web"].IdleReplicas);
        Assert.Equal(0.002, config.Monitoring.Slo.ErrorRateTarget);
    }

    [Theory]
    [InlineData("local", 1, "50m", 1, false)]
    [InlineData("dev", 1, "100m", 3, false)]
    [InlineData("staging", 2, "200m", 15, false)]
    [InlineData("prod", 3, "250m", 30, true)]
    public void Tier_defaults_fill_what_the_stack_leaves_out(string tier, int replicas, string cpuRequest, int retentionDays, bool protect)
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("environment", tier))).Config;

        Assert.Equal(replicas, config.Apps["api"].Replicas);
        Assert.Equal(cpuRequest, config.Apps["api"].Resources.CpuRequest);
        Assert.Equal(retentionDays, config.Monitoring.RetentionDays);
        Assert.Equal(protect, config.Protect);
    }

    [Fact]
    public void Stack_config_overrides_defaults_and_environment_overrides_both()
    {
        var environment = new Dictionary<string, string> { ["DELIVERY_apps__api__green"] = "1.5.1", ["OTHER"] = "x" };

        var config = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:replicas", "4")), environment: environment).Config;

        Assert.Equal(4, config.Apps["api"].Replicas);
        Assert.Equal("1.5.1", config.Apps["api"].Green);
    }

    [Fact]
    public void Environment_overrides_are_checked_like_stack_config()
    {
        var environment = new Dictionary<string, string> { ["DELIVERY_apps__api__replicas"] = "many" };

        var loaded = TestConfigs.Load(TestConfigs.ValidDev(), environment: environment);

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:apps.api.replicas", problem.Key);
        Assert.Equal("must be a whole number (from environment variable DELIVERY_apps__api__replicas).", problem.Message);
    }

    [Fact]
    public void Secrets_keep_the_state_their_source_gave()
    {
        var stack = StackFileReader.Parse("""
            config:
              delivery-platform:environment: staging
              delivery-platform:upstream: dev
              delivery-platform:cluster:
                mode: existing
                kubeconfig:
                  secure: v1:abc
              delivery-platform:registry:
                mode: external
                url: ghcr.io/acme
                pullUsername: bot
                pullPassword: hunter2
            """, "staging", "Pulumi.staging.yaml");

        var loaded = DeliveryConfigLoader.Load(stack, new Dictionary<string, string> { ["DELIVERY_ci__github__token"] = "from-ci" });

        Assert.Equal(SecretState.SecretUnknown, loaded.Config.Cluster.Kubeconfig.State);
        Assert.Equal(SecretState.Plaintext, loaded.Config.Registry.PullPassword.State);
        Assert.Equal(SecretState.Secret, loaded.Config.Ci.Github.Token.State);
        Assert.Equal(SecretState.Missing, loaded.Config.Monitoring.Receivers.Info.WebhookUrl.State);
        var plaintext = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:registry.pullPassword", plaintext.Key);
        Assert.DoesNotContain("hunter2", plaintext.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secret_is_a_warning_offline_with_the_command_and_an_error_under_pulumi()
    {
        var offline = TestConfigs.Load(TestConfigs.ValidDev(), secrets: new Dictionary<string, string>(), offline: true);
        var underPulumi = TestConfigs.Load(TestConfigs.ValidDev(), secrets: new Dictionary<string, string>(), offline: false);

        var warning = Assert.Single(offline.Problems);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("before deploying, run: pulumi config set --secret --path delivery-platform:cluster.kubeconfig <kubeconfig> --stack dev", warning.Fix);
        Assert.False(offline.HasErrors);
        Assert.Equal(Severity.Error, Assert.Single(underPulumi.Problems).Severity);
    }

    [Fact]
    public void Engine_config_loads_the_same_model_as_the_stack_file()
    {
        var fromFile = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile("local")), TestConfigs.NoEnvironment);
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["delivery-platform:environment"] = "local",
            ["delivery-platform:cluster"] = """{"mode":"k3s-docker","k3s":{"image":"rancher/k3s","version":"v1.33.5-k3s1","apiPort":6443,"tlsSans":["localhost","127.0.0.1"]}}""",
            ["delivery-platform:registry"] = """{"mode":"docker","hostPort":5000}""",
            ["delivery-platform:ci"] = """{"mode":"none"}""",
            ["delivery-platform:monitoring"] = """{"enabled":true,"grafanaHost":"grafana.localhost"}""",
            ["delivery-platform:apps"] = """{"api":{"image":"shop/api","blue":"1.5.0","green":"1.5.1-4e1f2a9","live":"green","port":8080,"healthPath":"/healthz","host":"api.localhost","callers":["web"],"env":{"LOG_LEVEL":"debug"}},"web":{"image":"shop/web","blue":"2.4.0","live":"blue","port":8080,"healthPath":"/ready","host":"shop.localhost"}}""",
        });
        var fromEngine = DeliveryConfigLoader.Load(
            EngineConfigReader.Read(new Dictionary<string, string> { ["PULUMI_CONFIG"] = json }, "local"), TestConfigs.NoEnvironment);

        Assert.Empty(fromEngine.Problems);
        Assert.Equal(Describe(fromFile.Config), Describe(fromEngine.Config));
    }

    private static string Describe(DeliveryConfig config) =>
        System.Text.Json.JsonSerializer.Serialize(config);
}
