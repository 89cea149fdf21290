namespace Delivery.Bench.Tests;

public sealed class RenderBenchTests
{
    [Fact]
    public void Render_prints_a_row_per_scale_with_the_ratio_only_after_a_doubling()
    {
        var (exitCode, output, error) = Run("render", "--apps", "1", "2", "3");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var rows = output.Trim().Split('\n');
        Assert.Equal(5, rows.Length);
        Assert.Matches(@"^1 +[0-9.]+ +- +[0-9.]+ +- ", rows[1]);
        Assert.Matches(@"^2 +[0-9.]+ +[0-9]+\.[0-9] +[0-9.]+ +[0-9]+\.[0-9] ", rows[2]);
        Assert.Matches(@"^3 +[0-9.]+ +- +[0-9.]+ +- ", rows[3]);
        Assert.StartsWith("×prev: ", rows[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Render_refuses_app_counts_below_one_with_a_usage_line(string apps)
    {
        var (exitCode, output, error) = Run("render", "--apps", apps);

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: --apps takes app counts of 1 or more (got {apps}), e.g. delivery-bench render --apps 100 200 400.", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var (exitCode, _, error) = Run("renderr");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = BenchCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
