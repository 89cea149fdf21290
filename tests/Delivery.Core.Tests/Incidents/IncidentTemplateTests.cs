using Delivery.Core.Incidents;
using Delivery.Core.Release;

namespace Delivery.Core.Tests.Incidents;

/// <summary>The incident issue: its marker names the incident, its body says what is known and what is not.</summary>
public sealed class IncidentTemplateTests
{
    private static IncidentReport Report(string release = "1.2.0-0123456789", DateTimeOffset? rolledBack = null, IReadOnlyList<VerifyCheck>? verdict = null) =>
        new("staging", "api", "1.2.0", release, "critical alert AppErrorBudgetBurn (api) is firing", verdict ?? [],
            new DateTimeOffset(2026, 12, 6, 19, 0, 0, TimeSpan.Zero), rolledBack, null, []);

    [Fact]
    public void The_marker_differs_exactly_when_stack_app_or_release_differ()
    {
        var report = Report();

        Assert.Equal(IncidentTemplate.Marker(report), IncidentTemplate.Marker(report with { Cause = "another cause", Detected = DateTimeOffset.UnixEpoch }));
        Assert.NotEqual(IncidentTemplate.Marker(report), IncidentTemplate.Marker(report with { ReleaseId = "1.2.0-9999999999" }));
        Assert.NotEqual(IncidentTemplate.Marker(report), IncidentTemplate.Marker(report with { App = "web" }));
        Assert.NotEqual(IncidentTemplate.Marker(report), IncidentTemplate.Marker(report with { Stack = "prod" }));
        Assert.StartsWith(IncidentTemplate.Marker(report), IncidentTemplate.Body(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_verdict_a_rollback_or_grafana_the_body_says_so()
    {
        var body = IncidentTemplate.Body(Report());

        Assert.Contains("No verification judged this release", body, StringComparison.Ordinal);
        Assert.Contains("| rolled back | no |", body, StringComparison.Ordinal);
        Assert.Contains("| run | (not run in CI) |", body, StringComparison.Ordinal);
        Assert.Contains("No Grafana host is set for staging", body, StringComparison.Ordinal);
        Assert.DoesNotContain(": rolled back", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_a_verdict_cell_does_not_break_the_table()
    {
        var check = new VerifyCheck("error\nratio", "sum(a)\n/ sum(b)", "1%", 0.01, "≤ 0.1%", "fail");

        var body = IncidentTemplate.Body(Report(verdict: [check], rolledBack: new DateTimeOffset(2026, 12, 6, 19, 0, 42, TimeSpan.Zero)));

        Assert.Contains("| error ratio | `sum(a) / sum(b)` | 1% | ≤ 0.1% | fail |", body, StringComparison.Ordinal);
        Assert.Contains("(42s after detection)", body, StringComparison.Ordinal);
    }
}
