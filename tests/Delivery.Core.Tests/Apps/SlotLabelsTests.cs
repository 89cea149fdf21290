using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Tests.Apps;

public sealed class SlotLabelsTests
{
    [Fact]
    public void Slot_labels_add_slot_version_and_release_id()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;

        var labels = SlotLabels.For(config.Valid(), "api", Slot.Blue, "server");

        Assert.Equal("blue", labels[StandardLabels.SlotLabel]);
        Assert.Equal("1.4.2", labels[StandardLabels.Version]);
        Assert.Equal(ReleaseId.Of(config.Valid(), "api", Slot.Blue), labels[StandardLabels.Release]);
        Assert.All(labels.Values, value => Assert.True(LabelValues.IsValid(value), value));
    }
}
