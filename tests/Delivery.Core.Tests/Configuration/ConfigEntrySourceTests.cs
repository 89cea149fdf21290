using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Microsoft.Extensions.Configuration;

namespace Delivery.Core.Tests.Configuration;

/// <summary>The indexed provider answers the binder exactly as the standard in-memory one does.</summary>
public sealed class ConfigEntrySourceTests
{
    private static readonly Dictionary<string, string?> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["environment"] = "dev",
        ["apps:api:image"] = "shop/api",
        ["apps:api:callers:0"] = "web",
        ["apps:api:callers:1"] = "admin",
        ["apps:API:replicas"] = "2",
        ["apps:web:env:LOG_LEVEL"] = "debug",
        ["apps:web:callers:10"] = "api",
        ["apps:web:callers:2"] = "api",
    };

    [Theory]
    [InlineData(null)]
    [InlineData("apps")]
    [InlineData("APPS")]
    [InlineData("apps:api")]
    [InlineData("apps:api:callers")]
    [InlineData("apps:web:callers")]
    [InlineData("apps:web:env")]
    [InlineData("apps:api:image")]
    [InlineData("nothing")]
    public void Child_keys_are_those_of_the_standard_provider(string? path)
    {
        var standard = new ConfigurationBuilder().AddInMemoryCollection(Values).Build();
        var indexed = new ConfigurationBuilder()
            .Add(new ConfigEntrySource(Values.Select(v => new ConfigEntry(v.Key, v.Value!, SecretState.Plaintext, "test"))))
            .Build();

        Assert.Equal(Children(standard, path), Children(indexed, path));
    }

    private static string[] Children(IConfiguration configuration, string? path) =>
        [.. (path is null ? configuration.GetChildren() : configuration.GetSection(path).GetChildren()).Select(c => c.Key)];
}
