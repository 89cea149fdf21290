using Delivery.Core.Configuration;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Configuration;

/// <summary>
/// Stack files broken the way real ones get broken: each is refused with one error that names the
/// file and the line (or the key), never an exception, and nothing in it is half-read.
/// </summary>
public sealed class BadStackFileTests
{
    private const string File = "Pulumi.dev.yaml";

    private static StackConfig Parse(string yaml) => StackFileReader.Parse(yaml, "dev", File);

    private static ConfigProblem SingleError(string yaml)
    {
        var stack = Parse(yaml);
        return Assert.Single(stack.Problems, p => p.IsError);
    }

    [Fact]
    public void A_map_where_a_key_name_is_expected_is_named_with_its_line()
    {
        var problem = SingleError("""
            config:
              delivery-platform:apps:
                {{ app_name }}:
                  image: shop/api
                web:
                  image: shop/web
            """);

        Assert.Equal("delivery-platform:apps", problem.Key);
        Assert.Equal("has a key at line 3 that is a map or a list, not a name (a template placeholder such as {{ name }} left in?).", problem.Message);
        Assert.Contains("apps:web:image", Parse("config:\n  delivery-platform:apps:\n    {{ x }}: 1\n    web:\n      image: a\n").Entries.Select(e => e.Key));
    }

    [Fact]
    public void A_top_level_config_key_that_is_a_map_is_named_with_its_line()
    {
        var problem = SingleError("config:\n  ? {a: 1}\n  : x\n");

        Assert.Equal(File, problem.Key);
        Assert.StartsWith("the file's shape is wrong: config has a key at line 2 that is a map or a list", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(100_000)]
    public void Deep_nesting_is_refused_before_it_is_built(int depth)
    {
        var problem = SingleError("config:\n  delivery-platform:apps: " + new string('[', depth) + new string(']', depth) + "\n");

        Assert.Equal(File, problem.Key);
        Assert.Equal($"the file nests maps and lists more than {StackFileText.MaxDepth} levels deep (at line 2).", problem.Message);
    }

    [Fact]
    public void Deep_block_nesting_is_refused_too()
    {
        var yaml = "config:\n" + string.Concat(Enumerable.Range(1, 2_000).Select(i => new string(' ', i) + "a:\n"));

        Assert.Contains("more than 32 levels deep", SingleError(yaml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_file_is_refused_without_being_parsed()
    {
        var yaml = "config:\n  delivery-platform:environment: dev\n" + new string('#', StackFileText.MaxCharacters);

        var problem = SingleError(yaml);

        Assert.Equal($"the file is larger than {StackFileText.MaxCharacters / 1024 / 1024} MiB; a stack file is config, not data.", problem.Message);
    }

    [Fact]
    public void Aliases_that_multiply_into_millions_of_values_are_refused()
    {
        var yaml = "config:\n  delivery-platform:apps:\n    a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
                   string.Concat(Enumerable.Range(0, 6).Select(i => $"    b{i}: &b{i} [{string.Join(", ", Enumerable.Repeat(i == 0 ? "*a" : $"*b{i - 1}", 10))}]\n"));

        var problem = SingleError(yaml);

        Assert.Equal($"the file holds more than {StackFileText.MaxValues} values (aliases multiply them); a stack file is config, not data.", problem.Message);
    }

    [Fact]
    public void A_file_padded_with_nul_bytes_is_refused_with_the_place_it_was_cut()
    {
        var problem = SingleError("config:\n  delivery-platform:environment: dev\n  delivery-platform:apps:\n    api:\n      ima" + new string('\0', 512));

        Assert.Equal(File, problem.Key);
        Assert.Equal("the file holds NUL bytes from line 5, column 10: it was cut off or is not text.", problem.Message);
        Assert.Empty(Parse("config:\n  delivery-platform:environment: dev\n\0").Entries);
    }

    [Fact]
    public void A_second_yaml_document_is_refused_not_ignored()
    {
        var problem = SingleError("""
            config:
              delivery-platform:environment: dev
            ---
            config:
              delivery-platform:apps: {}
            """);

        Assert.Equal(File, problem.Key);
        Assert.Equal("the file holds 2 YAML documents (the second starts at line 4); a stack file is one document, and everything after the first would be ignored.", problem.Message);
    }

    [Theory]
    [InlineData("- config:\n    delivery-platform:environment: dev\n", "the file's shape is wrong: the top level must be a map of keys (config: …), but it is a list.")]
    [InlineData("just text\n", "the file's shape is wrong: the top level must be a map of keys (config: …), but it is a single value.")]
    [InlineData("config:\n  - delivery-platform:environment: dev\n  - delivery-platform:cluster:\n      mode: existing\n", "the file's shape is wrong: config must be a map of keys, but it is a list (remove the '- ' before each key).")]
    [InlineData("config: dev\n", "the file's shape is wrong: config must be a map of keys, but it is a single value.")]
    [InlineData("confg:\n  delivery-platform:environment: dev\n", "the file's shape is wrong: unknown top-level key \"confg\"; did you mean \"config\"?")]
    [InlineData("encryptionsalt: v1:abc\n", "the file's shape is wrong: it has no config: map of keys.")]
    [InlineData("", "the file's shape is wrong: it has no config: map of keys.")]
    public void A_file_of_the_wrong_shape_says_so(string yaml, string message)
    {
        var problem = SingleError(yaml);

        Assert.Equal(File, problem.Key);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_file_that_cannot_be_read_gets_its_one_error_not_every_required_key()
    {
        var loaded = DeliveryConfigLoader.Load(Parse("- config:\n    delivery-platform:environment: dev\n"), TestConfigs.NoEnvironment);

        var problem = Assert.Single(loaded.Problems);
        Assert.StartsWith("the file's shape is wrong: the top level must be a map of keys", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_pulumi_writes_beside_config_are_accepted() =>
        Assert.Empty(Parse("secretsprovider: passphrase\nencryptionsalt: v1:abc\nencryptedkey: xyz\nconfig:\n  delivery-platform:environment: dev\n").Problems);

    [Fact]
    public void A_tab_in_the_indentation_is_reported_on_its_own_line()
    {
        var problem = SingleError("config:\n  delivery-platform:apps:\n    api:\n      image: x\n\t  blue: 1.0.0\n");

        Assert.Equal(File, problem.Key);
        Assert.Equal("the file is not valid YAML at line 5: it is indented with a tab; YAML indents with spaces only.", problem.Message);
    }

    [Fact]
    public void A_tab_in_the_first_indented_line_is_not_reported_at_line_1()
    {
        var problem = SingleError("config:\n  delivery-platform:environment: dev\n  delivery-platform:apps:\n    api:\n\timage: x\n");

        Assert.StartsWith("the file is not valid YAML at line 5:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_in_the_project_namespace_is_an_error_with_did_you_mean()
    {
        var stack = Parse("""
            config:
              delivery-platform:environment: dev
              delivery-platfrom:apps:
                api:
                  image: shop/api
              kubernetes:context: dev
            """);

        var problem = Assert.Single(stack.Problems);
        Assert.Equal("delivery-platfrom:apps", problem.Key);
        Assert.Equal("is in the namespace \"delivery-platfrom\", not this project's (delivery-platform), so it would be ignored (from Pulumi.dev.yaml).", problem.Message);
        Assert.Equal("did you mean \"delivery-platform\"? Rename the key to delivery-platform:apps.", problem.Fix);
    }
}
