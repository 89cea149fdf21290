using Delivery.Core.Cluster;

namespace Delivery.Core.Tests.Validation;

/// <summary>A Gateway holds at most 64 listeners: one http, one https per host.</summary>
public sealed class HostRulesTests
{
    private static (string, string?)[] Apps(int count) =>
    [
        .. Enumerable.Range(0, count).SelectMany(i => new (string, string?)[]
        {
            ($"apps:a{i}:image", "shop/a"), ($"apps:a{i}:blue", "1.0.0"), ($"apps:a{i}:live", "blue"), ($"apps:a{i}:host", $"a{i}.example.com"),
        }),
    ];

    [Fact]
    public void The_hosts_past_the_gateways_listener_limit_are_refused_with_the_fix()
    {
        var baseline = GatewayHosts.Of(TestConfigs.Load(TestConfigs.ValidDev()).Config).Count;
        var fits = TestConfigs.Load(TestConfigs.ValidDev().With(Apps(63 - baseline)));
        var over = TestConfigs.Load(TestConfigs.ValidDev().With(Apps(64 - baseline)));

        Assert.DoesNotContain(fits.Errors, e => e.Message.Contains("listeners", StringComparison.Ordinal));
        var error = Assert.Single(over.Errors, e => e.Message.Contains("listeners", StringComparison.Ordinal));
        Assert.Contains("is host number 64 of this stack", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Fix: serve at most 63 hosts per stack", error.ToString(), StringComparison.Ordinal);
    }
}
