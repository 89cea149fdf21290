using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

public sealed class StackFileReaderTests
{
    private static StackConfig Parse(string yaml) => StackFileReader.Parse(yaml, "dev", "Pulumi.dev.yaml");

    [Fact]
    public void Flattens_project_keys_maps_and_lists_into_configuration_keys()
    {
        var stack = Parse("""
            config:
              delivery-platform:environment: dev
              delivery-platform:apps:
                api:
                  blue: 1.4.2
                  callers: [web, admin]
              kubernetes:context: other   # another namespace: not ours
              upstream: staging           # no namespace: the project's
            """);

        Assert.Empty(stack.Problems);
        Assert.True(stack.IsOffline);
        Assert.Equal(
            [("environment", "dev"), ("apps:api:blue", "1.4.2"), ("apps:api:callers:0", "web"), ("apps:api:callers:1", "admin"), ("upstream", "staging")],
            stack.Entries.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void A_secure_value_is_a_set_secret_of_unknown_value()
    {
        var stack = Parse("""
            config:
              delivery-platform:registry:
                password:
                  secure: v1:AAAABBBBcccc
            """);

        var entry = Assert.Single(stack.Entries);
        Assert.Equal("registry:password", entry.Key);
        Assert.Equal(SecretState.SecretUnknown, entry.Secrecy);
        Assert.DoesNotContain("AAAABBBB", entry.Value, StringComparison.Ordinal);
        Assert.Equal("[secret]", entry.DisplayValue);
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_duplicates()
    {
        var stack = Parse("""
            config:
              delivery-platform:apps:
                api:
                  blue: 1.0.0
                API:
                  blue: 2.0.0
            """);

        var problem = Assert.Single(stack.Problems);
        Assert.Equal("delivery-platform:apps.API", problem.Key);
        Assert.StartsWith("the key \"API\" appears more than once in this map", problem.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", Assert.Single(stack.Entries).Value);
    }

    [Fact]
    public void Exact_duplicate_keys_are_reported_as_a_yaml_problem_not_an_exception()
    {
        var stack = Parse("""
            config:
              delivery-platform:apps:
                api:
                  blue: 1.0.0
                api:
                  blue: 2.0.0
            """);

        var problem = Assert.Single(stack.Problems);
        Assert.Equal("Pulumi.dev.yaml", problem.Key);
        Assert.Contains("line 5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_is_one_problem_with_its_line()
    {
        var stack = Parse("config:\n  delivery-platform:apps: [unclosed\n");

        var problem = Assert.Single(stack.Problems);
        Assert.StartsWith("the file is not valid YAML at line", problem.Message, StringComparison.Ordinal);
        Assert.Empty(stack.Entries);
    }

    [Theory]
    [InlineData("stacks/Pulumi.prod.yaml", "prod")]
    [InlineData("Pulumi.team-a.dev.yml", "team-a.dev")]
    public void The_stack_name_comes_from_the_file_name(string path, string stack) =>
        Assert.Equal(stack, StackFileReader.StackNameOf(path));

    [Fact]
    public void A_file_that_is_not_a_stack_file_is_refused() =>
        Assert.Throws<ArgumentException>(() => StackFileReader.StackNameOf("values.yaml"));
}
