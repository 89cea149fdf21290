using System.Text.Json;
using Deliver.Commands;
using Delivery.Core.Release;

namespace Deliver.Tests;

/// <summary>
/// deliver incident against a fake GitHub and a fake GitLab REST API on loopback (real HTTP): the
/// paths, the auth header, the labels, the postmortem body, and the same incident commenting on its
/// open issue rather than opening another.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class IncidentCommandTests
{
    private const string Token = "t0ken-for-tests";
    private const string Link = "https://ci.example.com/runs/9";

    private static ProjectCopy ProjectWithTracker(string tracker)
    {
        var project = new ProjectCopy(git: false);
        File.WriteAllText(project.StackPath("local"), project.Stack("local")
            .Replace("config:\n", $"config:\n  delivery-platform:release:\n    incidents:\n      tracker: {tracker}\n      project: acme/platform\n", StringComparison.Ordinal));
        return project;
    }

    private static string VerdictFile(ProjectCopy project, string release, double errorRatio)
    {
        var report = new VerifyReport("api", "green", "1.5.1-4e1f2a9", release, "5m", VerifyVerdict.Fail, "api green fails: error ratio above its budget",
        [
            new VerifyCheck("error ratio", "sum(rate(x{code=~\"5..\"}[5m])) / sum(rate(x[5m])) or vector(0) | weird", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{errorRatio * 100:0.0}%"), errorRatio, "≤ 0.1%", "fail"),
            new VerifyCheck("p95 latency", "histogram_quantile(0.95, sum by (le) (rate(y[5m])))", "120 ms", 0.12, "≤ 300 ms", "pass"),
        ]);
        var path = Path.Combine(project.Root, $"verdict-{release}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(report, VerifyCommand.Json.VerifyReport));
        return path;
    }

    private static (int ExitCode, string Output, string Error) Incident(ProjectCopy project, FakeHttpServer api, string apiPath, string verdict, string token = Token) =>
        project.Run("incident", "api", "--stack", "local", "--cause", "api failed live verification in bake round 2", "--verdict", verdict,
            "--detected", "2026-12-06T19:00:00Z", "--rolled-back", "2026-12-06T19:01:30Z", "--api", api.Url + apiPath, "--link", Link);

    [Fact]
    public void GitHub_opens_one_labelled_postmortem_and_the_same_incident_comments_on_it()
    {
        using var project = ProjectWithTracker("github");
        var github = new FakeIssueTracker(github: true, Token);
        using var api = new FakeHttpServer(github.Answer);
        using var _ = ProcessEnvironment.Set(("GITHUB_TOKEN", Token));

        var first = Incident(project, api, "", VerdictFile(project, "1.5.1-4e1f2a9-abcdef0123", 0.052));
        var again = Incident(project, api, "", VerdictFile(project, "1.5.1-4e1f2a9-abcdef0123", 0.061));
        var other = Incident(project, api, "", VerdictFile(project, "1.5.2-aaaaaaa-0123456789", 0.07));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("opened incident #1: https://github.example.com/acme/platform/issues/1", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("updated incident #1 (the same incident, still open)", again.Output, StringComparison.Ordinal);
        Assert.Contains("opened incident #2", other.Output, StringComparison.Ordinal);
        Assert.Equal(2, github.Issues.Count);
        var issue = github.Issues[0];
        Assert.Equal("Incident: api 1.5.1-4e1f2a9 in local (1.5.1-4e1f2a9-abcdef0123)", issue.Title);
        Assert.Equal("incident,postmortem", issue.Labels);
        Assert.StartsWith("<!-- deliver-incident stack=local app=api release=1.5.1-4e1f2a9-abcdef0123 -->", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| error ratio | `sum(rate(x{code=~\"5..\"}[5m])) / sum(rate(x[5m])) or vector(0) \\| weird` | 5.2%", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| rolled back | 2026-12-06 19:01:30 UTC (90s after detection) |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("- [App: api](http://grafana.localhost/d/app-api)", issue.Body, StringComparison.Ordinal);
        Assert.Contains($"| run | {Link} |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("## Postmortem", issue.Body, StringComparison.Ordinal);
        var comment = Assert.Single(github.Comments);
        Assert.Equal(1, comment.Number);
        Assert.Contains("**Again** at 2026-12-06 19:00:00 UTC: api failed live verification in bake round 2", comment.Body, StringComparison.Ordinal);
        Assert.Contains("6.1%", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void GitLab_opens_one_issue_in_the_encoded_project_path_and_the_same_incident_adds_a_note()
    {
        using var project = ProjectWithTracker("gitlab");
        var gitlab = new FakeIssueTracker(github: false, Token);
        using var api = new FakeHttpServer(gitlab.Answer);
        using var _ = ProcessEnvironment.Set(("GITLAB_TOKEN", Token));
        var verdict = VerdictFile(project, "1.5.1-4e1f2a9-abcdef0123", 0.052);

        var first = Incident(project, api, "/api/v4", verdict);
        var again = Incident(project, api, "/api/v4", verdict);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("opened incident #1: https://gitlab.example.com/acme/platform/-/issues/1", first.Output, StringComparison.Ordinal);
        Assert.Contains("updated incident #1", again.Output, StringComparison.Ordinal);
        var issue = Assert.Single(gitlab.Issues);
        Assert.Equal("incident,postmortem", issue.Labels);
        Assert.Contains("<!-- deliver-incident stack=local app=api release=1.5.1-4e1f2a9-abcdef0123 -->", issue.Body, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(gitlab.Comments).Number);
        Assert.All(api.Requests, request => Assert.StartsWith("/api/v4/projects/acme%2Fplatform/issues", request.Path, StringComparison.Ordinal));
        Assert.Contains(api.Requests, request => request.Method == "GET" && request.Query.Contains("labels=incident", StringComparison.Ordinal) && request.Query.Contains("state=opened", StringComparison.Ordinal));
    }

    /// <summary>
    /// A closed incident that happens again is a new occurrence: its postmortem is done, so a new issue
    /// opens (commenting on a closed issue nobody watches would bury it), linking the closed one first.
    /// </summary>
    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "/api/v4")]
    public void A_closed_incident_that_recurs_opens_a_new_issue_linking_the_closed_one(bool github, string apiPath)
    {
        using var project = ProjectWithTracker(github ? "github" : "gitlab");
        var tracker = new FakeIssueTracker(github, Token);
        using var api = new FakeHttpServer(tracker.Answer);
        using var _ = ProcessEnvironment.Set((github ? "GITHUB_TOKEN" : "GITLAB_TOKEN", Token));
        var verdict = VerdictFile(project, "1.5.1-4e1f2a9-abcdef0123", 0.052);

        var first = Incident(project, api, apiPath, verdict);
        tracker.Close(1);
        var recurred = Incident(project, api, apiPath, verdict);
        var again = Incident(project, api, apiPath, verdict);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(recurred.ExitCode == 0, recurred.Error);
        Assert.Contains($"opened incident #2, a recurrence of closed #1: {tracker.IssueUrl(2)}", recurred.Output, StringComparison.Ordinal);
        Assert.Contains("updated incident #2 (the same incident, still open)", again.Output, StringComparison.Ordinal);
        Assert.Equal([false, true], tracker.Issues.Select(issue => issue.Open));
        var second = tracker.Issues[1];
        Assert.Equal(tracker.Issues[0].Title, second.Title);
        Assert.Equal("incident,postmortem", second.Labels);
        var lines = second.Body.Split('\n');
        Assert.Equal("<!-- deliver-incident stack=local app=api release=1.5.1-4e1f2a9-abcdef0123 -->", lines[0]);
        Assert.StartsWith($"**Happened before:** #1 ({tracker.IssueUrl(1)}), closed since.", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(tracker.Comments).Number);
        Assert.Contains(api.Requests, request => request.Method == "GET" && request.Query.Contains("state=closed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_token_is_one_line_naming_the_request_and_exit_1()
    {
        using var project = ProjectWithTracker("github");
        var github = new FakeIssueTracker(github: true, Token);
        using var api = new FakeHttpServer(github.Answer);
        using var _ = ProcessEnvironment.Set(("GITHUB_TOKEN", "not-the-token"));

        var result = Incident(project, api, "", VerdictFile(project, "r1", 0.05));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("not filed: GitHub answered HTTP 401 to GET /repos/acme/platform/issues: {\"message\":\"Bad credentials\"}", result.Error.Trim());
        Assert.Empty(github.Issues);
    }

    [Fact]
    public void Without_a_token_nothing_is_sent_and_the_fix_is_named()
    {
        using var project = ProjectWithTracker("gitlab");
        using var api = new FakeHttpServer(_ => (500, ""));
        using var _ = ProcessEnvironment.Set(("GITLAB_TOKEN", null));

        var result = Incident(project, api, "/api/v4", VerdictFile(project, "r1", 0.05));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not filed: no GITLAB_TOKEN: store a project access token with the api scope", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void A_stack_without_a_tracker_files_nothing_and_passes()
    {
        using var project = new ProjectCopy(git: false);

        var result = project.Run("incident", "api", "--stack", "local", "--cause", "rolled back");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: local sets no release.incidents.tracker", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_time_is_a_usage_error_naming_the_option()
    {
        using var project = ProjectWithTracker("github");
        using var _ = ProcessEnvironment.Set(("GITHUB_TOKEN", Token));

        var result = project.Run("incident", "api", "--stack", "local", "--cause", "x", "--detected", "yesterday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--detected \"yesterday\" is not a time", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_verdict_the_incident_of_a_rollback_names_the_version_rolled_back_not_the_one_live_again()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("local"), project.Stack("local")
            .Replace("config:\n", "config:\n  delivery-platform:release:\n    incidents:\n      tracker: github\n      project: acme/platform\n", StringComparison.Ordinal));
        project.Commit("Ana", "2026-01-01T11:00:00Z", "releases file incidents");
        Assert.Equal(0, project.Run("switch", "api", "--stack", "local").ExitCode); // 1.5.0 live, in blue
        project.Commit("Ana", "2026-01-01T12:00:00Z", "switch api to 1.5.0");
        Assert.Equal(0, project.Run("rollback", "api", "--stack", "local").ExitCode); // its smoke test failed: 1.5.1-4e1f2a9 live again
        var github = new FakeIssueTracker(github: true, Token);
        using var api = new FakeHttpServer(github.Answer);
        using var _ = ProcessEnvironment.Set(("GITHUB_TOKEN", Token));

        var filed = project.Run("incident", "api", "--stack", "local", "--cause", "the smoke test of api blue failed; rolled back automatically",
            "--detected", "2026-01-01T12:05:00Z", "--rolled-back", "2026-01-01T12:06:00Z", "--api", api.Url, "--link", Link);

        Assert.True(filed.ExitCode == 0, filed.Error);
        Assert.StartsWith("Incident: api 1.5.0 in local (1.5.0-", Assert.Single(github.Issues).Title, StringComparison.Ordinal);
    }
}
