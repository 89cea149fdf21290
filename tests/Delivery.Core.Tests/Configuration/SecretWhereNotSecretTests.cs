using Delivery.Core.Configuration;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Configuration;

/// <summary>
/// A value given as a secret where the model has no secret setting used to vanish without a word
/// (an app env var set with --secret was missing from the Deployment). It is an error now, offline
/// for the exact key, and under Pulumi for the top-level key the engine marks secret.
/// </summary>
public sealed class SecretWhereNotSecretTests
{
    private static LoadedConfig LoadFile(string apps) => TestConfigs.LoadDevFile(apps);

    [Fact]
    public void An_encrypted_app_env_var_is_refused_with_its_key_and_a_fix()
    {
        var loaded = LoadFile("""
                api:
                  image: shop/api
                  blue: 1.0.0
                  live: blue
                  env:
                    DB_PASSWORD:
                      secure: v1:abcdef
            """);

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:apps.api.env.DB_PASSWORD", problem.Key);
        Assert.Equal("is encrypted (secure:), but env holds plain variables, written into the Deployment, so the value would be dropped (from Pulumi.dev.yaml).", problem.Message);
        Assert.Equal("make it a secret env var: pulumi config rm --path delivery-platform:apps.api.env.DB_PASSWORD; then pulumi config set --secret --path delivery-platform:apps.api.secretEnv.DB_PASSWORD <value>.", problem.Fix);
    }

    [Fact]
    public void Any_encrypted_value_of_a_setting_that_is_not_a_secret_is_refused()
    {
        var loaded = LoadFile("""
                api:
                  image:
                    secure: v1:abcdef
                  blue: 1.0.0
                  live: blue
            """);

        Assert.Contains(loaded.Errors, p => p.Key == "delivery-platform:apps.api.image"
                                            && p.Message == "is encrypted (secure:), but it is not a secret setting, so its value cannot be read (from Pulumi.dev.yaml).");
    }

    [Fact]
    public void Under_pulumi_a_secret_top_level_key_with_no_secret_setting_inside_is_refused()
    {
        var stack = EngineConfigReader.Read(new Dictionary<string, string>
        {
            ["PULUMI_CONFIG"] = """{"delivery-platform:apps":"{\"api\":{\"env\":{\"DB_PASSWORD\":\"hunter2\"}}}","delivery-platform:registry":"{\"password\":\"p\"}"}""",
            ["PULUMI_CONFIG_SECRET_KEYS"] = """["delivery-platform:apps","delivery-platform:registry"]""",
        }, "dev");

        var problem = Assert.Single(stack.Problems);
        Assert.Equal("delivery-platform:apps", problem.Key);
        Assert.Equal("holds a value set with --secret, but no setting under it is a secret, so the value would reach the cluster in plain text (from the stack's Pulumi config).", problem.Message);
        Assert.DoesNotContain("hunter2", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_pulumi_a_secret_env_var_in_secretEnv_is_a_known_secret()
    {
        var stack = EngineConfigReader.Read(new Dictionary<string, string>
        {
            ["PULUMI_CONFIG"] = """{"delivery-platform:apps":"{\"api\":{\"image\":\"shop/api\",\"secretEnv\":{\"DB_PASSWORD\":\"hunter2\"}}}"}""",
            ["PULUMI_CONFIG_SECRET_KEYS"] = """["delivery-platform:apps"]""",
        }, "dev");

        Assert.Empty(stack.Problems);
        var loaded = DeliveryConfigLoader.Load(stack, TestConfigs.NoEnvironment);
        Assert.Equal(Model.SecretState.Secret, loaded.Config.Apps["api"].SecretEnv["DB_PASSWORD"].State);
        Assert.Equal("hunter2", loaded.Config.Apps["api"].SecretEnv["DB_PASSWORD"].Reveal());
    }
}
