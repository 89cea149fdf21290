using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Registry;

namespace Delivery.Core.Tests.Kubernetes;

public sealed class StandardLabelsTests
{
    [Fact]
    public void Shared_labels_carry_no_release_and_do_not_change_on_a_release()
    {
        var labels = StandardLabels.Shared("api", "service");

        Assert.Equal(
            ["app.kubernetes.io/component", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by", "app.kubernetes.io/name", "app.kubernetes.io/part-of"],
            labels.Keys);
        Assert.Equal("delivery-platform", labels[StandardLabels.PartOf]);
    }

    [Fact]
    public void The_selector_never_includes_what_a_release_changes()
    {
        var selector = StandardLabels.SlotSelector("api", Slot.Green);

        Assert.Equal(["app.kubernetes.io/name", "delivery-platform/slot"], selector.Keys);
    }

    [Fact]
    public void Image_references_use_a_tag_or_a_digest()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;
        var digest = "sha256:" + new string('b', 64);

        Assert.Equal("registry.dev.example.com/shop/api:1.5.0", ImageReference.Of(config.Registry, config.Apps["api"], ImageVersion.Parse("1.5.0")));
        Assert.Equal($"registry.dev.example.com/shop/api@{digest}", ImageReference.Of(config.Registry, config.Apps["api"], ImageVersion.Parse(digest)));
        Assert.Equal("registry.localhost:5000", RegistryAddress.Of(new RegistryConfig { Mode = RegistryConfig.Docker }));
        Assert.Equal("ghcr.io/acme", RegistryAddress.Of(new RegistryConfig { Mode = RegistryConfig.External, Url = "ghcr.io/acme/" }));
    }
}
