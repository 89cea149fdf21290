using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

public sealed class EngineConfigReaderTests
{
    private static StackConfig Read(string config, string secretKeys = "[]") =>
        EngineConfigReader.Read(
            new Dictionary<string, string> { ["PULUMI_CONFIG"] = config, ["PULUMI_CONFIG_SECRET_KEYS"] = secretKeys },
            "dev");

    [Fact]
    public void Structured_values_arrive_as_json_text_and_are_flattened()
    {
        var stack = Read("""
            {"delivery-platform:environment":"dev",
             "delivery-platform:apps":"{\"api\":{\"replicas\":3,\"blue\":\"1.4.2\",\"callers\":[\"web\"],\"canary\":true}}",
             "kubernetes:context":"ignored"}
            """);

        Assert.Empty(stack.Problems);
        Assert.False(stack.IsOffline);
        Assert.Equal(
            [("environment", "dev"), ("apps:api:replicas", "3"), ("apps:api:blue", "1.4.2"), ("apps:api:callers:0", "web"), ("apps:api:canary", "true")],
            stack.Entries.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void Secrecy_is_known_per_top_level_key()
    {
        var stack = Read(
            """{"delivery-platform:registry":"{\"url\":\"ghcr.io/acme\",\"password\":\"hunter2\"}","delivery-platform:environment":"dev"}""",
            """["delivery-platform:registry"]""");

        Assert.All(stack.Entries.Where(e => e.Key.StartsWith("registry", StringComparison.Ordinal)), e => Assert.Equal(SecretState.Secret, e.Secrecy));
        Assert.Equal(SecretState.Plaintext, stack.Entries.Single(e => e.Key == "environment").Secrecy);
    }

    [Fact]
    public void A_plain_string_that_looks_like_json_but_is_not_stays_a_string()
    {
        var stack = Read("""{"delivery-platform:freeze":"{not json"}""");

        Assert.Equal(("freeze", "{not json"), stack.Entries.Select(e => (e.Key, e.Value)).Single());
    }

    [Fact]
    public void Duplicate_keys_inside_a_json_value_are_reported()
    {
        var stack = Read("""{"delivery-platform:apps":"{\"api\":{\"blue\":\"1.0.0\"},\"Api\":{\"blue\":\"2.0.0\"}}"}""");

        Assert.Equal("delivery-platform:apps.Api", Assert.Single(stack.Problems).Key);
    }

    [Fact]
    public void Invalid_engine_json_is_a_problem_not_an_exception()
    {
        var stack = Read("{broken");

        Assert.Equal("PULUMI_CONFIG", Assert.Single(stack.Problems).Key);
    }

    [Fact]
    public void No_config_at_all_reads_as_empty()
    {
        var stack = EngineConfigReader.Read(new Dictionary<string, string>(), "dev");

        Assert.Empty(stack.Entries);
        Assert.Empty(stack.Problems);
    }

    [Fact]
    public void A_near_miss_of_the_project_namespace_is_an_error_and_provider_keys_are_not()
    {
        var stack = Read("""{"delivery-platfrom:apps":"{\"api\":{\"image\":\"shop/api\"}}","kubernetes:context":"dev","delivery-platform:environment":"dev"}""");

        var problem = Assert.Single(stack.Problems);
        Assert.Equal("delivery-platfrom:apps", problem.Key);
        Assert.Equal("did you mean \"delivery-platform\"? Rename the key to delivery-platform:apps.", problem.Fix);
        Assert.Equal([("environment", "dev")], stack.Entries.Select(e => (e.Key, e.Value)));
    }
}
