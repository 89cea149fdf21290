using System.Text.RegularExpressions;

namespace Deliver.Tests.Monitoring;

/// <summary>
/// Runs the deploy workflows' own release script (<see cref="ReleaseScript"/>) against the real
/// Prometheus and Alertmanager, its fake <c>pulumi</c> posting the stack file it would apply to the
/// metrics server (so a deploy can change what a slot serves).
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed partial class ReleaseScriptTests(MonitoringFixture monitoring) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-script-").FullName;

    /// <summary>A project whose history is: 1.0.0 live in blue; then 1.1.0 promoted into green (the push to deploy), with a bare origin.</summary>
    private GatesProject Promoted(string app)
    {
        var project = new GatesProject(new TestApp(app, "1.0.0", "", "blue"));
        project.Step("promote 1.1.0", "promote", app, "1.1.0");
        var origin = Path.Combine(_scratch, "origin.git");
        project.Git("init", "-q", "--bare", origin);
        project.Git("remote", "add", "origin", origin);
        project.Git("push", "-q", "origin", "main");
        return project;
    }

    /// <param name="refuse">A deliver command that refuses (exit 1), whatever its arguments, to drive the script down that path.</param>
    /// <param name="deployedAt">The revision whose stack file pulumi up last applied (its releaseState output); HEAD~1 unless said.</param>
    /// <param name="jobEnvironment">More variables of the job's environment (a pipeline's variables).</param>
    private ReleaseRun Release(GatesProject project, string? alertmanager = null, string? overrideReason = null, string? refuse = null, string deployedAt = "HEAD~1",
        IReadOnlyDictionary<string, string>? jobEnvironment = null)
        => new ReleaseScript(_scratch, monitoring.PrometheusUrl, $"http://127.0.0.1:{monitoring.MetricsPort}/{{app}}/{{slot}}/healthz",
                $"http://127.0.0.1:{monitoring.MetricsPort}/deployed")
            .Run(project, alertmanager ?? monitoring.AlertmanagerUrl, overrideReason, refuse, deployedAt, jobEnvironment);

    [Fact]
    public void A_healthy_release_is_staged_verified_switched_baked_and_the_switch_committed_back()
    {
        using var project = Promoted("healthy");

        var run = Release(project);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["up --yes --skip-preview --stack gates", "up --yes --skip-preview --stack gates"], run.PulumiCalls);
        Assert.Contains("live: blue", run.Applied[0], StringComparison.Ordinal);
        Assert.Contains("live: green", run.Applied[1], StringComparison.Ordinal);
        Assert.Contains("#### gate (exit 0)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("- smoke test of healthy green (1.1.0)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("#### verify healthy green (1.1.0), idle (exit 0)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| p95 vs live |", run.Summary, StringComparison.Ordinal);
        Assert.Contains("#### verify healthy live, bake round 1 (exit 0)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("**Released:** healthy live and verified for 4s.", run.Summary, StringComparison.Ordinal);
        Assert.StartsWith("release gates: switch healthy [skip ci]", project.Git("log", "-1", "--format=%s", "origin/main"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_variable_that_would_override_the_release_is_unset_by_the_script()
    {
        using var project = Promoted("healthy");

        var run = Release(project, jobEnvironment: new Dictionary<string, string> { ["CI"] = "true", ["DELIVERY_apps__healthy__green"] = "6.6.6" });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("- smoke test of healthy green (1.1.0)", run.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("6.6.6", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_that_fails_live_is_rolled_back_applied_and_committed_with_the_time_it_took()
    {
        using var project = Promoted("flaky");
        // Once green is live, the new version starts failing half its requests.
        monitoring.Metrics.Deployed = yaml => monitoring.Metrics.Serve("flaky", "green",
            yaml.Contains("live: green", StringComparison.Ordinal) ? SlotProfile.Healthy with { ErrorRatio = 0.5 } : SlotProfile.Healthy);
        try
        {
            var run = Release(project);

            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Equal(3, run.PulumiCalls.Count);
            Assert.Equal(["live: blue", "live: green", "live: blue"], run.Applied.Select(yaml => LiveLine().Match(yaml).Value));
            Assert.Contains("#### verify flaky green (1.1.0), idle (exit 0)", run.Summary, StringComparison.Ordinal);
            Assert.Matches(@"#### verify flaky live, bake round \d+ \(exit 1\)", run.Summary);
            Assert.Matches(@"\| 5xx ratio \| `[^`]+` \| [\d.]+% \| <= 1% \(slo.errorRateTarget\) \| fail \|", run.Summary);
            Assert.Matches(@"\*\*Failure: flaky failed live verification in bake round \d+\.\*\* Rolling back: flaky\.", run.Summary);
            Assert.Matches(@"- rollback applied \d+\.\ds after the failure was detected", run.Summary);
            var log = project.Git("log", "-3", "--format=%s", "origin/main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("release gates: roll back flaky (flaky failed live verification in bake round", log[0], StringComparison.Ordinal);
            Assert.Equal(["release gates: switch flaky [skip ci]", "promote 1.1.0"], log[1..]);
            Assert.Contains("live: blue", project.StackText, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.Metrics.Deployed = null;
            monitoring.Metrics.Serve("flaky", "green", SlotProfile.Healthy);
        }
    }

    [Fact]
    public void An_automatic_rollback_files_its_incident_with_the_failing_verdict()
    {
        using var project = Promoted("incident");
        File.WriteAllText(project.StackPath, project.StackText.Replace("config:\n",
            "config:\n  delivery-platform:release:\n    incidents:\n      tracker: github\n      project: acme/platform\n", StringComparison.Ordinal));
        project.Commit("rollbacks file incidents");
        project.Git("push", "-q", "origin", "main");
        var opened = new List<string>();
        using var github = new FakeHttpServer(request =>
        {
            if (request.Headers.GetValueOrDefault("Authorization") != "Bearer t0ken")
                return (401, """{"message":"Bad credentials"}""");
            if (request is { Method: "GET", Path: "/repos/acme/platform/issues" })
                return (200, "[]");
            if (request is not { Method: "POST", Path: "/repos/acme/platform/issues" })
                return (404, """{"message":"Not Found"}""");
            lock (opened)
                opened.Add(request.Body);
            return (201, """{"number":5,"html_url":"https://github.example.com/acme/platform/issues/5"}""");
        });
        monitoring.Metrics.Deployed = yaml => monitoring.Metrics.Serve("incident", "green",
            yaml.Contains("live: green", StringComparison.Ordinal) ? SlotProfile.Healthy with { ErrorRatio = 0.5 } : SlotProfile.Healthy);
        try
        {
            var run = Release(project, deployedAt: "HEAD~2", jobEnvironment: new Dictionary<string, string>
            {
                ["GITHUB_TOKEN"] = "t0ken",
                ["GITHUB_API_URL"] = github.Url,
            });

            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Contains("live: blue", project.StackText, StringComparison.Ordinal);
            Assert.Contains("opened incident #5: https://github.example.com/acme/platform/issues/5", run.Output, StringComparison.Ordinal);
            using var issue = System.Text.Json.JsonDocument.Parse(Assert.Single(opened));
            var body = issue.RootElement.GetProperty("body").GetString()!;
            Assert.StartsWith("Incident: incident 1.1.0 in gates (1.1.0-", issue.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"\*\*What happened:\*\* incident failed live verification in bake round \d+; rolled back automatically", body);
            Assert.Matches(@"\| 5xx ratio \| `[^`]+` \| [\d.]+% \| <= 1% \(slo.errorRateTarget\) \| fail \|", body);
            Assert.Matches(@"\| rolled back \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+(\.\d)?s after detection\) \|", body);
        }
        finally
        {
            monitoring.Metrics.Deployed = null;
            monitoring.Metrics.Serve("incident", "green", SlotProfile.Healthy);
        }
    }

    [Fact]
    public void A_pushed_switch_that_fails_live_is_rolled_back_and_the_rollback_committed()
    {
        using var project = new GatesProject(new TestApp("erroring", "1.0.0", "1.1.0", "blue"));
        project.Step("switch to 1.1.0", "switch", "erroring");
        var origin = Path.Combine(_scratch, "origin.git");
        project.Git("init", "-q", "--bare", origin);
        project.Git("remote", "add", "origin", origin);
        project.Git("push", "-q", "origin", "main");

        var run = Release(project);

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Equal(["live: green", "live: blue"], run.Applied.Select(yaml => LiveLine().Match(yaml).Value));
        Assert.DoesNotContain(", idle (exit", run.Summary, StringComparison.Ordinal);
        Assert.Contains("#### verify erroring live, bake round 1 (exit 1)", run.Summary, StringComparison.Ordinal);
        Assert.StartsWith("release gates: roll back erroring (erroring failed live verification in bake round 1) [skip ci]",
            project.Git("log", "-1", "--format=%s", "origin/main"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gate_refusing_deploys_nothing_and_tells_the_team_chat()
    {
        using var project = Promoted("healthy");
        File.WriteAllText(project.StackPath, project.StackText.Replace("config:\n", "config:\n  delivery-platform:release:\n    chat:\n      kind: slack\n", StringComparison.Ordinal));
        project.Commit("the team chat hears of releases");
        using var slack = new FakeHttpServer(_ => (200, "ok"));
        var alert = new Dictionary<string, string> { ["alertname"] = "AppPodCrashLooping", ["severity"] = "critical", ["app"] = "healthy" };
        monitoring.PostAlert(alert, "healthy pod is crash looping");
        try
        {
            var run = Release(project, deployedAt: "HEAD~2", jobEnvironment: new Dictionary<string, string>
            {
                ["FAKE_PULUMI_CHAT_WEBHOOK"] = slack.Url + "/hook",
                ["GITHUB_SERVER_URL"] = "https://github.example.com",
                ["GITHUB_REPOSITORY"] = "acme/platform",
                ["GITHUB_RUN_ID"] = "7",
            });

            Assert.Equal(1, run.ExitCode);
            Assert.Empty(run.PulumiCalls);
            Assert.Contains("critical alert AppPodCrashLooping (healthy) is firing: healthy pod is crash looping", run.Summary, StringComparison.Ordinal);
            Assert.Contains("**Refused by the gate.** Nothing was deployed.", run.Summary, StringComparison.Ordinal);
            var post = Assert.Single(slack.Requests).Body;
            Assert.Contains("Release of gates refused by the gate", post, StringComparison.Ordinal);
            Assert.Contains("AppPodCrashLooping", post, StringComparison.Ordinal);
            Assert.Contains("https://github.example.com/acme/platform/actions/runs/7", post, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(alert, "healthy pod is crash looping", resolved: true);
        }
    }

    /// <summary>The project, with release.incidents set to the tracker and committed (after the promote: deploy against HEAD~2).</summary>
    private static void FileIncidentsIn(GatesProject project, string tracker)
    {
        File.WriteAllText(project.StackPath, project.StackText.Replace("config:\n",
            $"config:\n  delivery-platform:release:\n    incidents:\n      tracker: {tracker}\n      project: acme/platform\n", StringComparison.Ordinal));
        project.Commit("releases file incidents");
    }

    /// <summary>A job's tracker token, API and run link, as GitHub Actions or GitLab CI sets them.</summary>
    private static Dictionary<string, string> TrackerJob(bool github, FakeHttpServer api) => github
        ? new() { ["GITHUB_TOKEN"] = "t0ken", ["GITHUB_API_URL"] = api.Url, ["GITHUB_SERVER_URL"] = "https://github.example.com", ["GITHUB_REPOSITORY"] = "acme/platform", ["GITHUB_RUN_ID"] = "7" }
        : new() { ["GITLAB_TOKEN"] = "t0ken", ["CI_API_V4_URL"] = api.Url + "/api/v4", ["CI_PIPELINE_URL"] = "https://gitlab.example.com/acme/platform/-/pipelines/7" };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_refusal_for_a_firing_critical_alert_opens_one_incident_and_the_same_refusal_updates_it(bool github)
    {
        using var project = Promoted("healthy");
        FileIncidentsIn(project, github ? "github" : "gitlab");
        var tracker = new FakeIssueTracker(github, "t0ken");
        using var api = new FakeHttpServer(tracker.Answer);
        var alert = new Dictionary<string, string> { ["alertname"] = "AppPodCrashLooping", ["severity"] = "critical", ["app"] = "healthy" };
        monitoring.PostAlert(alert, "healthy pod is crash looping");
        try
        {
            var first = Release(project, deployedAt: "HEAD~2", jobEnvironment: TrackerJob(github, api));
            var again = Release(project, deployedAt: "HEAD~2", jobEnvironment: TrackerJob(github, api));

            Assert.True(first.ExitCode == 1, first.Output);
            Assert.Empty(first.PulumiCalls);
            Assert.EndsWith("**Refused by the gate.** Nothing was deployed.\n", again.Summary, StringComparison.Ordinal);
            Assert.Contains($"opened incident #1: {tracker.IssueUrl(1)}", first.Summary, StringComparison.Ordinal);
            Assert.Contains($"updated incident #1 (the same incident, still open): {tracker.IssueUrl(1)}", again.Summary, StringComparison.Ordinal);
            var issue = Assert.Single(tracker.Issues);
            Assert.Equal("Incident: release of gates held by critical alert AppPodCrashLooping(healthy)", issue.Title);
            Assert.Equal("incident,postmortem", issue.Labels);
            Assert.StartsWith("<!-- deliver-incident stack=gates held-by=AppPodCrashLooping(healthy) -->", issue.Body, StringComparison.Ordinal);
            Assert.Contains("**What happened:** deliver gate refused the release of gates (healthy)", issue.Body, StringComparison.Ordinal);
            Assert.Matches(@"\| release held \| healthy: [^|]*1\.1\.0[^|]* \|", issue.Body);
            Assert.Contains("| gate scope | app (release.gateScope: the released apps' alerts and the platform's count) |", issue.Body, StringComparison.Ordinal);
            Assert.Contains("| AppPodCrashLooping | healthy | healthy pod is crash looping | no |", issue.Body, StringComparison.Ordinal);
            Assert.Contains(github ? "| run | https://github.example.com/acme/platform/actions/runs/7 |" : "| run | https://gitlab.example.com/acme/platform/-/pipelines/7 |",
                issue.Body, StringComparison.Ordinal);
            var comment = Assert.Single(tracker.Comments);
            Assert.Equal(1, comment.Number);
            Assert.Contains("the gate refused the release of gates (healthy: ", comment.Body, StringComparison.Ordinal);
            Assert.Contains("| AppPodCrashLooping | healthy | healthy pod is crash looping | no |", comment.Body, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(alert, "healthy pod is crash looping", resolved: true);
        }
    }

    [Fact]
    public void A_refusal_for_a_burning_budget_alone_files_no_incident()
    {
        using var project = Promoted("burning");
        FileIncidentsIn(project, "github");
        var tracker = new FakeIssueTracker(github: true, "t0ken");
        using var api = new FakeHttpServer(tracker.Answer);

        var run = Release(project, deployedAt: "HEAD~2", jobEnvironment: TrackerJob(github: true, api));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.PulumiCalls);
        Assert.Contains("burning is burning its error budget fast", run.Summary, StringComparison.Ordinal);
        Assert.EndsWith("**Refused by the gate.** Nothing was deployed.\n", run.Summary, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
        Assert.DoesNotContain("incident", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chat_that_is_down_does_not_change_the_refusal()
    {
        using var project = Promoted("healthy");
        File.WriteAllText(project.StackPath, project.StackText.Replace("config:\n", "config:\n  delivery-platform:release:\n    chat:\n      kind: teams\n", StringComparison.Ordinal));
        project.Commit("the team chat hears of releases");
        var alert = new Dictionary<string, string> { ["alertname"] = "AppPodCrashLooping", ["severity"] = "critical", ["app"] = "healthy" };
        monitoring.PostAlert(alert, "healthy pod is crash looping");
        try
        {
            var run = Release(project, deployedAt: "HEAD~2", jobEnvironment: new Dictionary<string, string>
            {
                ["FAKE_PULUMI_CHAT_WEBHOOK"] = $"http://127.0.0.1:{LocalServer.FreePort()}/hook",
            });

            Assert.Equal(1, run.ExitCode);
            Assert.Empty(run.PulumiCalls);
            Assert.EndsWith("**Refused by the gate.** Nothing was deployed.\n", run.Summary, StringComparison.Ordinal);
            Assert.Contains("not sent: Microsoft Teams at gates's release.chat.webhook is unreachable", run.Output, StringComparison.Ordinal);
            Assert.Contains("::warning::the team chat was not told that the release of gates is refused", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(alert, "healthy pod is crash looping", resolved: true);
        }
    }

    [Fact]
    public void A_gate_that_cannot_judge_refuses_unless_a_person_states_a_reason()
    {
        using var project = Promoted("healthy");
        var unreachable = $"http://127.0.0.1:{LocalServer.FreePort()}";

        var refused = Release(project, unreachable);
        Assert.Equal(1, refused.ExitCode);
        Assert.Empty(refused.PulumiCalls);
        Assert.Contains("the gate cannot judge (exit 2), which counts as a refusal", refused.Summary, StringComparison.Ordinal);

        var overridden = Release(project, unreachable, overrideReason: "Alertmanager is being migrated; checked Grafana by hand");
        Assert.True(overridden.ExitCode == 0, overridden.Output);
        Assert.Contains("**Gate overridden** (it could not judge) by a person's stated reason: Alertmanager is being migrated; checked Grafana by hand", overridden.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_switch_ends_the_canary_the_stage_applied_and_closes_the_summary()
    {
        // The push both stages 1.1.0 and sets a 50% canary (the program's guard would refuse that
        // pair; the fake pulumi applies anything): the script must not leave the canary behind.
        using var project = Promoted("healthy");
        Assert.Equal(0, project.Deliver("canary", "healthy", "50", "--stack", GatesProject.Stack).ExitCode);
        project.Git("commit", "-q", "-a", "--amend", "--no-edit");
        project.Git("push", "-q", "-f", "origin", "main");

        var run = Release(project, refuse: "switch");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["up --yes --skip-preview --stack gates", "up --yes --skip-preview --stack gates"], run.PulumiCalls);
        Assert.Contains("canaryWeight: 50", run.Applied[0], StringComparison.Ordinal);
        Assert.DoesNotContain("canaryWeight: 50", run.Applied[1], StringComparison.Ordinal);
        Assert.Contains("live: blue", run.Applied[1], StringComparison.Ordinal);
        Assert.Contains("#### switch healthy (exit 1)", run.Summary, StringComparison.Ordinal);
        Assert.EndsWith("**Refused:** deliver refused to switch healthy (above); its candidate stays idle and takes no canary traffic; nothing live changed.\n", run.Summary, StringComparison.Ordinal);
        Assert.StartsWith("release gates: end the canary of healthy (its switch was refused) [skip ci]", project.Git("log", "-1", "--format=%s", "origin/main"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_that_stops_on_an_unexpected_failure_still_closes_the_summary()
    {
        using var project = Promoted("healthy");

        var run = Release(project, refuse: "staged");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.PulumiCalls);
        Assert.EndsWith("**Stopped (exit 1) before a verdict**: see the job log; what runs now: deliver status --stack gates\n", run.Summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue #21, defect 6: a promote whose deploy never ran (refused, cancelled, or pushed with [skip ci])
    /// is judged against what pulumi up applied, not the previous commit, so the next unrelated push still
    /// gates, verifies and switches it instead of staging it unseen.
    /// </summary>
    [Fact]
    public void A_release_whose_deploy_never_ran_is_gated_and_verified_at_the_next_push()
    {
        using var project = Promoted("healthy");
        project.Commit("an unrelated change");
        project.Git("push", "-q", "origin", "main");

        var run = Release(project, deployedAt: "HEAD~2");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("### Release of gates (against the releaseState pulumi up last applied)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("#### verify healthy green (1.1.0), idle (exit 0)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("**Released:** healthy live and verified", run.Summary, StringComparison.Ordinal);
    }

    [GeneratedRegex("live: (blue|green)")]
    private static partial Regex LiveLine();

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
