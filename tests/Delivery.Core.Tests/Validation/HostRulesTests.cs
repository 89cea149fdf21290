using Delivery.Core.Network;

namespace Delivery.Core.Tests.Validation;

/// <summary>A Gateway holds at most 64 listeners; hosts are spread over Gateways by a hash of the name.</summary>
public sealed class HostRulesTests
{
    private static (string, string?)[] Apps(IEnumerable<string> hosts) =>
    [
        .. hosts.Select((host, i) => (host, i)).SelectMany(h => new (string, string?)[]
        {
            ($"apps:a{h.i}:image", "shop/a"), ($"apps:a{h.i}:blue", "1.0.0"), ($"apps:a{h.i}:live", "blue"), ($"apps:a{h.i}:host", h.host),
        }),
    ];

    [Fact]
    public void Two_thousand_hosts_fit()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(Apps(Enumerable.Range(0, 2000).Select(i => $"a{i}.example.com"))));

        Assert.Empty(loaded.Errors);
    }

    [Fact]
    public void A_host_past_its_gateways_listener_limit_is_refused_with_the_fix()
    {
        // 65 host names that hash to the same Gateway as the first.
        var shard = GatewayShards.GatewayOf("h0.example.com");
        var hosts = Enumerable.Range(0, 100_000).Select(i => $"h{i}.example.com").Where(h => GatewayShards.GatewayOf(h) == shard).Take(GatewayShards.ListenersPerGateway + 1).ToList();
        var baseline = GatewayHosts.Of(TestConfigs.Load(TestConfigs.ValidDev()).Config).Count(c => GatewayShards.GatewayOf(c.Host) == shard);

        var over = TestConfigs.Load(TestConfigs.ValidDev().With(Apps(hosts.Skip(baseline))));
        var fits = TestConfigs.Load(TestConfigs.ValidDev().With(Apps(hosts.Skip(baseline + 1))));

        Assert.DoesNotContain(fits.Errors, e => e.Message.Contains("listeners", StringComparison.Ordinal));
        var error = Assert.Single(over.Errors, e => e.Message.Contains("listeners", StringComparison.Ordinal));
        Assert.Contains($"is host number 65 of the Gateway {shard} (chosen by a hash of the host name); Gateway API allows 64 listeners, one per host.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Fix: choose another host name (another hash), or move some apps to a stack of their own.", error.ToString(), StringComparison.Ordinal);
    }
}
