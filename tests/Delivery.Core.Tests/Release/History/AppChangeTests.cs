using Delivery.Core.Release.History;

namespace Delivery.Core.Tests.Release.History;

/// <summary>Reading the app change a promotion commit carries in its trailers.</summary>
public sealed class AppChangeTests
{
    [Fact]
    public void A_promotion_commits_trailers_give_app_version_commit_time_and_ticket()
    {
        var log = "\u001eDelivery-App: api\nDelivery-Version: 1.4.0-abc1234@sha256:" + new string('a', 64) +
                  "\nApp-Commit: abc1234def\nApp-Commit-Time: 2026-03-01T10:15:00+01:00\nTicket: SHOP-42\n" +
                  "\u001eSigned-off-by: Ana <ana@example.com>\n\u001e\n";

        var change = Assert.Single(AppChangeLog.Parse(log));

        Assert.Equal(new AppChange("api", "1.4.0-abc1234@sha256:" + new string('a', 64), "abc1234def",
            new DateTimeOffset(2026, 3, 1, 9, 15, 0, TimeSpan.Zero), "SHOP-42"), change);
    }

    [Theory]
    [InlineData("Delivery-Version: 1.0.0\nApp-Commit: a\nApp-Commit-Time: 2026-03-01T10:15:00Z")]
    [InlineData("Delivery-App: api\nApp-Commit: a\nApp-Commit-Time: 2026-03-01T10:15:00Z")]
    [InlineData("Delivery-App: api\nDelivery-Version: 1.0.0\nApp-Commit-Time: 2026-03-01T10:15:00Z")]
    [InlineData("Delivery-App: api\nDelivery-Version: 1.0.0\nApp-Commit: a\nApp-Commit-Time: yesterday")]
    public void An_incomplete_trailer_block_is_no_app_change(string trailers) =>
        Assert.Null(AppChange.FromTrailers(trailers.Split('\n')));
}
