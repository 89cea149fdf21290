using Delivery.Core.Model;
using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

/// <summary>The images the release scan looks at: what the up would make live or stage, as full references.</summary>
public sealed class ReleaseImagesTests
{
    private static DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    private static IReadOnlyList<string> Changed(DeliveryConfig deployed, DeliveryConfig now) =>
        ReleaseImages.Of(now, ReleaseChange.Between(now, ReleaseState.Of(deployed))).Select(i => i.Reference).ToList();

    [Fact]
    public void Without_a_deployed_state_every_version_in_every_slot_is_scanned_once() =>
        Assert.Equal(
            ["registry.dev.example.com/shop/api:1.4.2", "registry.dev.example.com/shop/api:1.5.0", "registry.dev.example.com/shop/web:2.3.1"],
            ReleaseImages.Of(Config(("apps:web:green", "2.3.1"))).Select(i => i.Reference));

    [Fact]
    public void Without_a_deployed_state_a_rolling_apps_version_is_scanned_too() =>
        Assert.Equal(
            ["registry.dev.example.com/shop/api:1.4.2", "registry.dev.example.com/shop/api:1.5.0", "registry.dev.example.com/shop/web:2.3.1"],
            ReleaseImages.Of(Config(("apps:web:blue", null), ("apps:web:live", null), ("apps:web:strategy", "rolling"), ("apps:web:version", "2.3.1"))).Select(i => i.Reference));

    [Fact]
    public void A_staged_version_is_the_only_image_of_its_release()
    {
        var images = ReleaseImages.Of(Config(("apps:api:blue", "1.6.0")), ReleaseChange.Between(Config(("apps:api:blue", "1.6.0")), ReleaseState.Of(Config())));

        Assert.Equal([new SlotImage("api", Slot.Blue, "1.6.0", "registry.dev.example.com/shop/api:1.6.0")], images);
    }

    [Fact]
    public void A_pinned_version_keeps_its_tag_and_digest()
    {
        var pinned = ExampleVersions.Pinned("1.6.0");
        Assert.Equal([$"registry.dev.example.com/shop/api:{pinned}"], Changed(Config(), Config(("apps:api:blue", pinned))));
        Assert.Contains("@sha256:", pinned, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_app_is_scanned_in_each_slot_it_fills() =>
        Assert.Equal(["registry.dev.example.com/shop/cart:0.1.0"],
            Changed(Config(), Config(("apps:cart:image", "shop/cart"), ("apps:cart:blue", "0.1.0"), ("apps:cart:live", "blue"))));

    [Fact]
    public void A_switch_alone_a_rollback_and_a_config_change_scan_nothing()
    {
        Assert.Empty(Changed(Config(), Config(("apps:api:live", "blue"))));
        Assert.Empty(Changed(Config(), Config(("apps:api:port", "9090"))));
        Assert.Empty(Changed(Config(("apps:api:canaryWeight", "10")), Config()));
    }

    [Fact]
    public void The_same_version_in_both_slots_is_one_reference() =>
        Assert.Single(ReleaseImages.Of(Config(("apps:api:blue", "1.5.0"), ("apps:web:green", "2.3.1")), null), i => i.App == "api");
}
