using Delivery.Core.Model.Values;

namespace Delivery.Core.Tests.Values;

/// <summary>A log alert's window: whole minutes or hours, from a minute to a day.</summary>
public sealed class LogWindowsTests
{
    [Theory]
    [InlineData("1m", 1)]
    [InlineData("10m", 10)]
    [InlineData("1h", 60)]
    [InlineData("24h", 1440)]
    [InlineData("1440m", 1440)]
    public void A_window_of_whole_minutes_or_hours_up_to_a_day_is_its_minutes(string window, int minutes) =>
        Assert.Equal(minutes, LogWindows.Minutes(window));

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10")]
    [InlineData("0m")]
    [InlineData("010m")]
    [InlineData("5s")]
    [InlineData("1d")]
    [InlineData("1h30m")]
    [InlineData("-5m")]
    [InlineData("1441m")]
    [InlineData("25h")]
    public void Anything_else_is_no_window(string window) =>
        Assert.Null(LogWindows.Minutes(window));
}
