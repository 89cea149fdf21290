using Pulumi;

namespace Delivery.Components.Tests;

/// <summary>
/// Under <c>pulumi up</c> the config comes from the engine (PULUMI_CONFIG), not the stack file, so
/// the file-level checks (YAML syntax, NUL bytes, documents, depth) are the Pulumi CLI's; every rule
/// on what the engine passes refuses the config with the same message as <c>deliver check</c>,
/// before any resource is registered.
/// </summary>
public sealed class BadConfigTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "namespace typo", "error: delivery-platfrom:apps: is in the namespace \"delivery-platfrom\", not this project's (delivery-platform), so it would be ignored (from the stack's Pulumi config)." },
        { "quantity overflow", "error: delivery-platform:apps.api.resources.cpuLimit = \"12345678901234567890123456789012\": is not a Kubernetes quantity." },
        { "app named like a slot", "error: delivery-platform:apps.api-blue = \"api-blue\": is the name of the Service and Deployment of app api's blue slot (api-blue)" },
        { "two apps on one host", "error: delivery-platform:apps.web.host = \"api.dev.shop.example.com\": is also the host of delivery-platform:apps.api.host" },
        { "host is an IP", "error: delivery-platform:apps.api.host = \"10.1.2.3\": is an IP address" },
        { "version over 128", "error: delivery-platform:apps.api.green = \"1.0.0-" },
        { "secret env var", "error: delivery-platform:apps: holds a value set with --secret, but no setting under it is a secret" },
    };

    private static EngineConfig Config(string name)
    {
        var dev = StackRun.Committed("dev");
        return name switch
        {
            "namespace typo" => dev.SetKey("delivery-platfrom:apps", """{"extra":{"image":"shop/extra"}}"""),
            "quantity overflow" => dev.Set("apps.api.resources.cpuLimit", "12345678901234567890123456789012"),
            "app named like a slot" => dev.Set("apps.api-blue.image", "shop/api").Set("apps.api-blue.blue", "1.0.0").Set("apps.api-blue.live", "blue"),
            "two apps on one host" => dev.Set("apps.web.host", "api.dev.shop.example.com"),
            "host is an IP" => dev.Set("apps.api.host", "10.1.2.3"),
            "version over 128" => dev.Set("apps.api.green", "1.0.0-" + new string('a', 123)),
            "secret env var" => dev.Set("apps.api.env.DB_PASSWORD", "hunter2", secret: true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_config_stops_the_program_with_the_core_message_and_registers_nothing(string name, string expected)
    {
        var config = Config(name);
        var mocks = new Mocks(StackRun.CommittedReleaseStates());
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config.ConfigJson());
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", config.SecretKeysJson());
        Exception error;
        try
        {
            error = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => Deployment.TestAsync(mocks,
                new Pulumi.Testing.TestOptions { ProjectName = StackRun.Project, StackName = "dev", IsPreview = false }, () => DeliveryProgram.RunAsync())));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
        }

        Assert.Contains("nothing was changed:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(mocks.Registered);
    }
}
