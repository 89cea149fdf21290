using System.Collections;
using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Apps;

/// <summary>
/// <c>apps.&lt;app&gt;.secretEnv</c>: environment variables set with <c>pulumi config set --secret</c>
/// reach the container through a typed Secret (<c>&lt;app&gt;-env</c>) and <c>secretKeyRef</c>; the
/// value never enters the Deployment.
/// </summary>
public sealed class AppSecretEnvTests
{
    private static readonly Dictionary<string, string> Secrets = new(TestConfigs.Secrets(), StringComparer.OrdinalIgnoreCase)
    {
        ["apps:api:secretEnv:DB_PASSWORD"] = "hunter2",
    };

    [Fact]
    public void A_secret_env_var_is_a_secret_key_ref_into_the_apps_own_secret()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev(), Secrets);
        Assert.Empty(loaded.Problems);

        var rendering = AppRenderer.Render(loaded.Valid(), "api");

        var secret = Assert.Single(rendering.Secrets);
        Assert.Equal(("api-env", "apps", "Opaque"), (secret.Name, secret.Namespace, secret.Type));
        var entry = Assert.Single(secret.Entries);
        Assert.Equal("DB_PASSWORD", entry.Key);
        Assert.Equal(SecretState.Secret, Assert.IsType<ConfigSecretSource>(entry.Source).Value.State);
        foreach (var deployment in rendering.Objects.Where(o => o.Kind == "Deployment"))
        {
            var env = Env(deployment);
            Assert.Contains(env, e => (string)e["name"]! == "DB_PASSWORD"
                                      && ((IDictionary)((IDictionary)e["valueFrom"]!)["secretKeyRef"]!) is var reference
                                      && (string)reference["name"]! == "api-env" && (string)reference["key"]! == "DB_PASSWORD");
            Assert.DoesNotContain("hunter2", YamlWriter.Write(deployment.Body), StringComparison.Ordinal);
        }
        Assert.Empty(AppRenderer.Render(loaded.Valid(), "web").Secrets);
    }

    [Fact]
    public void Offline_an_encrypted_secret_env_var_is_set_but_unknown_and_renders()
    {
        var loaded = TestConfigs.LoadDevFile("""
                api:
                  image: shop/api
                  blue: 1.0.0
                  live: blue
                  secretEnv:
                    DB_PASSWORD:
                      secure: v1:abcdef
            """);

        Assert.Empty(loaded.Errors);
        Assert.Equal(SecretState.SecretUnknown, loaded.Config.Apps["api"].SecretEnv["DB_PASSWORD"].State);
        Assert.Single(AppRenderer.Render(loaded.Valid(), "api").Secrets);
    }

    [Theory]
    [InlineData("apps:api:secretEnv:1BAD", "x", true, "delivery-platform:apps.api.secretEnv.1BAD", "is not a valid environment variable name.")]
    [InlineData("apps:api:secretEnv:LOG_LEVEL", "x", true, "delivery-platform:apps.api.secretEnv.LOG_LEVEL", "is also set in delivery-platform:apps.api.env; the container would get it twice.")]
    [InlineData("apps:api:secretEnv:TOKEN", "plain", false, "delivery-platform:apps.api.secretEnv.TOKEN", "is a secret but is given in plain text, so it would be stored unencrypted in the stack file.")]
    public void Secret_env_vars_are_checked(string key, string value, bool secret, string problemKey, string message)
    {
        var plain = TestConfigs.ValidDev().With(("apps:api:env:LOG_LEVEL", "info"));
        var secrets = TestConfigs.Secrets();
        if (secret)
            secrets[key] = value;
        else
            plain[key] = value;

        var loaded = TestConfigs.Load(plain, secrets);

        Assert.Contains(loaded.Errors, p => p.Key == problemKey && p.Message == message);
    }

    private static List<IDictionary> Env(KubernetesObject deployment)
    {
        var template = (IDictionary)((IDictionary)deployment.Body["spec"]!)["template"]!;
        var container = (IDictionary)((IList)((IDictionary)template["spec"]!)["containers"]!)[0]!;
        return [.. ((IList)container["env"]!).Cast<IDictionary>()];
    }
}
