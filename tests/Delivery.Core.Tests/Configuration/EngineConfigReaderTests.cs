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

    /// <summary>JSON of <paramref name="depth"/> nested maps, {"a":{"a":…1}}.</summary>
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string AsEngineValue(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    [Theory]
    [InlineData(31)]
    [InlineData(65)]
    [InlineData(100_000)]
    public void A_value_nested_deeper_than_a_stack_file_may_is_one_error_on_its_key(int depth)
    {
        var stack = Read($$"""{"delivery-platform:apps":{{AsEngineValue(Nested(depth))}},"delivery-platform:environment":"dev"}""");

        var problem = Assert.Single(stack.Problems);
        Assert.Equal("delivery-platform:apps", problem.Key);
        Assert.Null(problem.Value);
        Assert.Equal("nests maps and lists more than 30 levels deep; a stack file holds at most 32, its own map and config: included (from the stack's Pulumi config).", problem.Message);
        Assert.Equal("set its settings one at a time (pulumi config set --path delivery-platform:apps.<setting> <value>), not as one structured value.", problem.Fix);
        Assert.Equal([("environment", "dev")], stack.Entries.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void A_deep_value_given_as_raw_json_rather_than_json_text_names_its_key_too()
    {
        var stack = Read($$"""{"delivery-platform:apps":{{Nested(5_000)}}}""");

        Assert.Equal("delivery-platform:apps", Assert.Single(stack.Problems).Key);
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void The_engine_refuses_exactly_the_depths_the_stack_file_reader_refuses(int depth, bool refused)
    {
        var yaml = $"config:\n  delivery-platform:apps: {Nested(depth).Replace("\"", "", StringComparison.Ordinal).Replace(":", ": ", StringComparison.Ordinal)}\n";
        var file = StackFileReader.Parse(yaml, "dev", "Pulumi.dev.yaml");
        var engine = Read($$"""{"delivery-platform:apps":{{AsEngineValue(Nested(depth))}}}""");

        Assert.Equal(refused, file.Problems.Any(p => p.Message.Contains("levels deep", StringComparison.Ordinal)));
        Assert.Equal(refused, engine.Problems.Any(p => p.Message.Contains("levels deep", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_value_with_more_values_than_a_stack_file_may_hold_is_an_error_on_its_key()
    {
        var many = "{" + string.Join(",", Enumerable.Range(0, 50_001).Select(i => $"\"k{i}\":1")) + "}";

        var problem = Assert.Single(Read($$"""{"delivery-platform:apps":{{AsEngineValue(many)}}}""").Problems);

        Assert.Equal("delivery-platform:apps", problem.Key);
        Assert.Equal("holds more than 100000 values; config, not data (from the stack's Pulumi config).", problem.Message);
    }

    [Fact]
    public void A_value_larger_than_a_stack_file_may_be_is_an_error_on_its_key_without_the_value()
    {
        var huge = new string('x', StackFileText.MaxCharacters + 1);

        var problem = Assert.Single(Read($$"""{"delivery-platform:freeze":"{{huge}}"}""").Problems);

        Assert.Equal("delivery-platform:freeze", problem.Key);
        Assert.Null(problem.Value);
        Assert.StartsWith("is 16777217 characters long, more than a stack file's 16 MiB", problem.Message, StringComparison.Ordinal);
    }
}
