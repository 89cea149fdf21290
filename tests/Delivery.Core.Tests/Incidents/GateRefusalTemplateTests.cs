using Delivery.Core.Incidents;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Tests.Incidents;

/// <summary>The incident of a release the gate held for firing critical alerts: one issue per set of alerts, saying what fired, where and what was held.</summary>
public sealed class GateRefusalTemplateTests
{
    private static FiringAlert Alert(string name, string? app, string summary, string muted = "")
    {
        var labels = new Dictionary<string, string> { ["alertname"] = name, ["severity"] = "critical" };
        if (app is not null)
            labels["app"] = app;
        return new FiringAlert(labels, new Dictionary<string, string> { ["summary"] = summary }, muted);
    }

    private static GateRefusalReport Report(params FiringAlert[] alerts) =>
        new("staging", ["api: green 1.5.0 → 1.6.0 (staged)"], ["api"], "app", alerts, ["api is burning its error budget fast: 30% of requests failed over the last hour (threshold 14.4%)"],
            new DateTimeOffset(2026, 12, 6, 19, 0, 0, TimeSpan.Zero), "https://ci.example.com/runs/9", [("App: api", "http://grafana.staging/d/app-api")]);

    [Fact]
    public void The_same_alerts_are_the_same_incident_whatever_else_changed_and_other_alerts_another()
    {
        var crash = Alert("AppPodCrashLooping", "api", "api pod is crash looping");
        var node = Alert("KubeNodeNotReady", null, "a node is not ready");
        var issue = GateRefusalTemplate.Issue(Report(crash, node));

        var later = GateRefusalTemplate.Issue(Report(node, Alert("AppPodCrashLooping", "api", "another summary")) with
        {
            Held = ["api: green 1.6.0 → 1.6.1 (staged)"],
            Detected = DateTimeOffset.UnixEpoch,
            RunLink = null,
        });
        var other = GateRefusalTemplate.Issue(Report(crash));

        Assert.Equal("<!-- deliver-incident stack=staging held-by=AppPodCrashLooping(api),KubeNodeNotReady(platform) -->", issue.Marker);
        Assert.Equal(issue.Marker, later.Marker);
        Assert.NotEqual(issue.Marker, other.Marker);
        Assert.NotEqual(issue.Marker, GateRefusalTemplate.Issue(Report(crash, node) with { Stack = "prod" }).Marker);
        Assert.StartsWith(issue.Marker + "\n", issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_names_each_alert_its_app_the_release_held_the_scope_and_the_dashboards()
    {
        var issue = GateRefusalTemplate.Issue(Report(Alert("AppPodCrashLooping", "api", "api pod | crash looping", "silenced")));

        Assert.Equal("Incident: release of staging held by critical alert AppPodCrashLooping(api)", issue.Title);
        Assert.Contains("| release held | api: green 1.5.0 → 1.6.0 (staged) |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| gate scope | app (release.gateScope: the released apps' alerts and the platform's count) |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| AppPodCrashLooping | api | api pod \\| crash looping | silenced (hidden from receivers, not from the gate) |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("- api is burning its error budget fast", issue.Body, StringComparison.Ordinal);
        Assert.Contains("- [App: api](http://grafana.staging/d/app-api)", issue.Body, StringComparison.Ordinal);
        Assert.Contains("- 2026-12-06 19:00:00 UTC: the gate refused the release: AppPodCrashLooping(api) firing", issue.Body, StringComparison.Ordinal);
        Assert.Contains("## Postmortem", issue.Body, StringComparison.Ordinal);
        Assert.StartsWith("**Again** at 2026-12-06 19:00:00 UTC: the gate refused the release of staging (api: green 1.5.0 → 1.6.0 (staged)).", issue.Comment, StringComparison.Ordinal);
        Assert.Contains("| AppPodCrashLooping | api |", issue.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recurrence_links_the_closed_issue_right_under_the_marker()
    {
        var issue = GateRefusalTemplate.Issue(Report(Alert("AppPodCrashLooping", "api", "crash")));

        var body = issue.BodyAfter(7, "https://github.example.com/acme/platform/issues/7");

        Assert.StartsWith(issue.Marker + "\n**Happened before:** #7 (https://github.example.com/acme/platform/issues/7), closed since.", body, StringComparison.Ordinal);
        Assert.EndsWith(issue.Body[(issue.Marker.Length + 1)..], body, StringComparison.Ordinal);
    }
}
