namespace Deliver.Tests.Monitoring;

/// <summary>
/// deliver gate against a real Alertmanager (and Prometheus for the error budget): a release is
/// refused while a critical alert of the stack fires and passes once it resolves; a rollback passes
/// while it fires. The stack's history is a real git repository, as on main.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class GateTests(MonitoringFixture monitoring)
{
    /// <summary>healthy 1.0.0 live in blue; then 1.1.0 promoted into green and committed: a release against HEAD~1.</summary>
    private static GatesProject Promoted(string app = "healthy")
    {
        var project = new GatesProject(new TestApp(app, "1.0.0", "", "blue"));
        project.Step("promote 1.1.0", "promote", app, "1.1.0");
        return project;
    }

    private (int ExitCode, string Output, string Error) Gate(GatesProject project, params string[] extra) =>
        project.Deliver(["gate", "--stack", GatesProject.Stack, "--alertmanager", monitoring.AlertmanagerUrl, .. extra]);

    private static Dictionary<string, string> Labels(string alert, string severity, string? app) =>
        app is null
            ? new() { ["alertname"] = alert, ["severity"] = severity }
            : new() { ["alertname"] = alert, ["severity"] = severity, ["app"] = app };

    [Fact]
    public void A_release_is_refused_while_a_critical_alert_of_its_app_fires_and_passes_once_it_resolves()
    {
        using var project = Promoted();
        var alert = Labels("AppErrorBudgetFastBurn", "critical", "healthy");
        Assert.Equal(0, Gate(project).ExitCode);

        monitoring.PostAlert(alert, "healthy is burning its error budget fast");
        try
        {
            var refused = Gate(project);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("  healthy: live blue 1.0.0, idle empty -> live blue 1.0.0, idle 1.1.0", refused.Output, StringComparison.Ordinal);
            Assert.Contains("critical alert AppErrorBudgetFastBurn (healthy) is firing: healthy is burning its error budget fast", refused.Error, StringComparison.Ordinal);
            Assert.Contains("refused: 1 problem in gates (above); wait until it resolves, or roll back the app that causes it: deliver rollback <app> --stack gates.", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("frozen", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(alert, "healthy is burning its error budget fast", resolved: true);
        }

        var passed = Gate(project);
        Assert.True(passed.ExitCode == 0, passed.Error);
        Assert.Contains("pass: no critical alert of gates is firing", passed.Output, StringComparison.Ordinal);
    }

    /// <summary>--json (docs/json.md): the verdict and its reasons on stdout, the same exit code, the refusal still on stderr.</summary>
    [Fact]
    public void Gate_json_reports_a_refusal_with_its_reasons_and_the_same_exit_code()
    {
        using var project = Promoted();
        var alert = Labels("AppErrorBudgetFastBurn", "critical", "healthy");
        monitoring.PostAlert(alert, "healthy is burning its error budget fast");
        try
        {
            var refused = Gate(project, "--json");

            Assert.Equal(1, refused.ExitCode);
            var root = JsonDocs.AssertDocumented("gate", refused.Output);
            Assert.Equal(("release", "refused", false), (root.GetProperty("change").GetString(), root.GetProperty("verdict").GetString(), root.GetProperty("budgetsChecked").GetBoolean()));
            Assert.Equal(["healthy: live blue 1.0.0, idle empty -> live blue 1.0.0, idle 1.1.0"], root.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains(root.GetProperty("reasons").EnumerateArray(),
                r => r.GetString() == "critical alert AppErrorBudgetFastBurn (healthy) is firing: healthy is burning its error budget fast");
            var firing = Assert.Single(root.GetProperty("firing").EnumerateArray(), a => a.GetProperty("alert").GetString() == "AppErrorBudgetFastBurn");
            Assert.Equal(("healthy", "healthy is burning its error budget fast", ""),
                (firing.GetProperty("app").GetString(), firing.GetProperty("summary").GetString(), firing.GetProperty("muted").GetString()));
            Assert.Contains("refused: 1 problem in gates (above)", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(alert, "healthy is burning its error budget fast", resolved: true);
        }
    }

    /// <summary>release.gateScope: app (the default): another app's critical alert is a note, not a refusal.</summary>
    [Fact]
    public void Another_apps_critical_alert_does_not_refuse_this_release_but_is_noted()
    {
        using var project = new GatesProject(new TestApp("healthy", "1.0.0", "", "blue"), new TestApp("other", "1.0.0", "", "blue"));
        project.Step("promote 1.1.0", "promote", "healthy", "1.1.0");
        var alert = Labels("AppPodCrashLooping", "critical", "other");
        monitoring.PostAlert(alert, "other pod is crash looping");
        try
        {
            var passed = Gate(project);

            Assert.True(passed.ExitCode == 0, passed.Error);
            Assert.Contains("note: not this release's (healthy): critical alert AppPodCrashLooping (other) is firing: other pod is crash looping (release.gateScope: stack counts every app).", passed.Error, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(alert, "other pod is crash looping", resolved: true);
        }
    }

    [Fact]
    public void A_silenced_critical_alert_still_refuses_a_release()
    {
        using var project = Promoted();
        var alert = Labels("AppPodCrashLooping", "critical", "healthy");
        monitoring.PostAlert(alert, "healthy pod is crash looping");
        var silence = monitoring.Silence("AppPodCrashLooping");
        try
        {
            var refused = Gate(project);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("critical alert AppPodCrashLooping (healthy) is firing (silenced: hidden from receivers, not from the gate): healthy pod is crash looping",
                refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.Unsilence(silence);
            monitoring.PostAlert(alert, "healthy pod is crash looping", resolved: true);
        }
    }

    [Fact]
    public void Without_the_Watchdog_the_alert_pipeline_is_dead_and_a_release_is_refused()
    {
        using var project = Promoted();
        monitoring.PostAlert(MonitoringFixture.Watchdog, "Watchdog", resolved: true);
        try
        {
            var refused = Gate(project);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("the alert pipeline is dead: no Watchdog alert in Alertmanager", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(MonitoringFixture.Watchdog, "An alert that should always be firing to certify that Alertmanager is working properly.");
        }
        Assert.Equal(0, Gate(project).ExitCode);
    }

    [Fact]
    public void A_rollback_passes_while_a_critical_alert_fires()
    {
        using var project = Promoted();
        project.Step("switch to 1.1.0", "switch", "healthy");
        project.Step("roll back to 1.0.0", "rollback", "healthy");
        var alert = Labels("AppErrorBudgetFastBurn", "critical", "healthy");
        monitoring.PostAlert(alert, "healthy is burning its error budget fast");
        try
        {
            var rollback = Gate(project);
            var againstTheSwitch = Gate(project, "--against", "HEAD~2");

            Assert.True(rollback.ExitCode == 0, rollback.Error);
            Assert.Contains("pass: gates rolls back to versions live here before", rollback.Output, StringComparison.Ordinal);
            // The switch itself (1.1.0 never live before) is a release, and is held.
            project.Git("checkout", "-q", "HEAD~1");
            Assert.Equal(1, Gate(project).ExitCode);
            Assert.Equal(0, againstTheSwitch.ExitCode);
        }
        finally
        {
            monitoring.PostAlert(alert, "healthy is burning its error budget fast", resolved: true);
        }
    }

    [Fact]
    public void Platform_critical_alerts_refuse_a_release_but_warnings_and_other_stacks_apps_do_not()
    {
        using var project = Promoted();
        var platform = Labels("KubeAPIDown", "critical", null);
        var warning = Labels("AppLatencyP95OverBudget", "warning", "healthy");
        var foreign = Labels("AppErrorBudgetFastBurn", "critical", "not-in-this-stack");
        monitoring.PostAlert(warning, "healthy p95 latency is over budget");
        monitoring.PostAlert(foreign, "another stack's app");
        try
        {
            Assert.Equal(0, Gate(project).ExitCode);
            monitoring.PostAlert(platform, "The Kubernetes API has disappeared");

            var refused = Gate(project);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("critical alert KubeAPIDown (platform) is firing: The Kubernetes API has disappeared", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("not-in-this-stack", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("AppLatencyP95OverBudget", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            monitoring.PostAlert(platform, "The Kubernetes API has disappeared", resolved: true);
            monitoring.PostAlert(warning, "healthy p95 latency is over budget", resolved: true);
            monitoring.PostAlert(foreign, "another stack's app", resolved: true);
        }
    }

    [Fact]
    public void A_release_is_refused_while_its_error_budget_burns_fast_in_Prometheus()
    {
        using var project = Promoted("burning");

        var refused = Gate(project, "--prometheus", monitoring.PrometheusUrl);
        var withoutPrometheus = Gate(project);

        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(@"burning is burning its error budget fast: (49|50|51)(\.\d+)?% of requests failed over the last hour \(threshold 14\.4%\)", refused.Error);
        Assert.Equal(0, withoutPrometheus.ExitCode);
        Assert.Contains("note: error budgets not checked (no --prometheus)", withoutPrometheus.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_apps_budget_does_not_hold_its_release()
    {
        using var project = Promoted();

        var passed = Gate(project, "--prometheus", monitoring.PrometheusUrl);

        Assert.True(passed.ExitCode == 0, passed.Error);
        Assert.Contains("and no error budget burns fast", passed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_that_touches_no_release_passes_without_asking()
    {
        using var project = new GatesProject(new TestApp("healthy", "1.0.0", "", "blue"));
        project.Commit("an unrelated change");

        var result = project.Deliver("gate", "--stack", GatesProject.Stack, "--alertmanager", $"http://127.0.0.1:{LocalServer.FreePort()}");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("changes no version, live slot or canary weight against HEAD~1; nothing to gate.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_Alertmanager_cannot_judge_a_release()
    {
        using var project = Promoted();
        var port = LocalServer.FreePort();

        var result = project.Deliver("gate", "--stack", GatesProject.Stack, "--alertmanager", $"http://127.0.0.1:{port}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"cannot judge: Alertmanager at http://127.0.0.1:{port}/ is unreachable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Staged_lists_what_a_release_must_verify_and_nothing_for_a_rollback()
    {
        using var project = Promoted();
        var promoted = project.Deliver("staged", "--stack", GatesProject.Stack);
        project.Step("switch to 1.1.0", "switch", "healthy");
        var switched = project.Deliver("staged", "--stack", GatesProject.Stack);
        project.Step("roll back to 1.0.0", "rollback", "healthy");
        var rolledBack = project.Deliver("staged", "--stack", GatesProject.Stack);

        Assert.Equal("healthy\tgreen\tidle\t1.1.0\thttp://healthy-green.apps.svc.cluster.local/healthz\t4\n", promoted.Output);
        Assert.Equal("healthy\tgreen\tlive\t1.1.0\thttp://healthy-green.apps.svc.cluster.local/healthz\t4\n", switched.Output);
        Assert.Equal((0, ""), (rolledBack.ExitCode, rolledBack.Output));
    }
}
