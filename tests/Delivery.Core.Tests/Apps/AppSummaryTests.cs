using Delivery.Core.Apps;

namespace Delivery.Core.Tests.Apps;

public sealed class AppSummaryTests
{
    [Fact]
    public void The_summary_names_the_live_slot_its_release_and_the_services()
    {
        var config = TestConfigs.Load(TestConfigs.ValidDev()).Config;

        var summary = AppSummary.Of(config.Valid(), "api");

        Assert.Equal(new AppSummary("green", "1.5.0", "1.4.2", ReleaseId.Of(config.Valid(), "api", Model.Slot.Green),
            ReleaseId.Of(config.Valid(), "api", Model.Slot.Blue), "api", "api-blue", "api-green"), summary);
        Assert.Equal("", AppSummary.Of(config.Valid(), "web").IdleReleaseId);
    }
}
