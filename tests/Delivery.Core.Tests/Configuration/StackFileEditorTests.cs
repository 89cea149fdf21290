using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Configuration;

public sealed class StackFileEditorTests
{
    private const string Original = """
        # The dev stack.
        config:
          delivery-platform:environment: dev
          delivery-platform:registry:
            password:
              secure: v1:AAAA/ciphertext==   # set by: pulumi config set --secret
          delivery-platform:apps:
            # The backend.
            api:
              blue: 1.4.2     # previous release
              green: "1.5.0"
              live: green
            web:
              blue: 2.3.1
              live: blue
          kubernetes:context: dev
        """;

    private static ConfigPath App(string app, string key) => ConfigPath.Root("apps").Key(app).Key(key);

    [Fact]
    public void Replacing_a_value_changes_only_that_value()
    {
        var edited = StackFileEditor.Set(Original, App("api", "blue"), "1.5.1");

        Assert.Equal(Original.Replace("blue: 1.4.2     # previous", "blue: 1.5.1     # previous", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_quoted_value_is_replaced_whole()
    {
        var edited = StackFileEditor.Set(Original, App("api", "green"), "1.6.0");

        Assert.Equal(Original.Replace("green: \"1.5.0\"", "green: 1.6.0", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_missing_key_is_inserted_in_its_map_with_the_siblings_indent()
    {
        var edited = StackFileEditor.Set(Original, App("web", "green"), "2.4.0");

        Assert.Equal(Original.Replace("      live: blue\n", "      live: blue\n      green: 2.4.0\n", StringComparison.Ordinal), edited);
        Assert.Equal("2.4.0", StackFileReader.Parse(edited, "dev", "test").Entries.Single(e => e.Key == "apps:web:green").Value);
    }

    [Fact]
    public void A_missing_map_is_inserted_with_its_keys()
    {
        var edited = StackFileEditor.Set(Original, ConfigPath.Root("freeze").Key("enabled"), "true");

        var entries = StackFileReader.Parse(edited, "dev", "test").Entries;
        Assert.Equal("true", entries.Single(e => e.Key == "freeze:enabled").Value);
        Assert.Contains("  delivery-platform:freeze:\n    enabled: true\n", edited, StringComparison.Ordinal);
        Assert.Contains("secure: v1:AAAA/ciphertext==   # set by", edited, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5.0", "1.5.0")]
    [InlineData("sha256:abc", "sha256:abc")]
    [InlineData("1.5.0@sha256:abc", "1.5.0@sha256:abc")]
    [InlineData("@at", "\"@at\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("10", "10")]
    [InlineData("true", "true")]
    [InlineData("007", "\"007\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("has space", "\"has space\"")]
    [InlineData("", "\"\"")]
    public void Values_are_written_as_pulumi_config_set_writes_them(string value, string expected) =>
        Assert.Equal(expected, StackFileEditor.Format(value));

    [Fact]
    public void A_map_cannot_be_replaced_by_a_value() =>
        Assert.Throws<InvalidOperationException>(() => StackFileEditor.Set(Original, ConfigPath.Root("apps").Key("api"), "x"));
}
