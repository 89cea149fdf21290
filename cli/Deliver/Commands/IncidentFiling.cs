using Delivery.Core.Configuration;
using Delivery.Core.Incidents;
using Delivery.Core.Io;
using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>
/// Files one incident in the stack's tracker (release.incidents): a comment on the open issue with
/// the same marker; else a new issue, linking the closed issue of the same incident when there is
/// one. Shared by deliver incident (an automatic rollback) and deliver gate --file-incident (a
/// refusal for firing critical alerts).
/// </summary>
internal static class IncidentFiling
{
    /// <summary>The exit code when nothing is to be filed: release.incidents has errors (1) or sets no tracker (0, a note); null to go on.</summary>
    public static int? NothingToFile(LoadedConfig loaded, Terminal terminal, string stack)
    {
        var root = ConfigPath.Root("release").Key("incidents").ToString();
        if (ProblemPrinter.PrintFor(stack, terminal, loaded.Errors.Where(p => p.Key.StartsWith(root, StringComparison.Ordinal))))
        {
            terminal.Error($"not filed: {stack}'s release.incidents has errors (above).");
            return ExitCodes.Problems;
        }
        if (loaded.Config.Release.Incidents.Tracker.Length > 0)
            return null;
        terminal.Warning($"note: {stack} sets no release.incidents.tracker, so no incident issue is filed; to file them: pulumi config set --path {ConfigPath.Root("release").Key("incidents").Key("tracker")} <{string.Join("|", IncidentTrackers.All)}> --stack {stack}.");
        return ExitCodes.Ok;
    }

    /// <param name="filed">Told where the incident went (a line), on success.</param>
    /// <returns>0 filed, 1 not filed (why, on stderr).</returns>
    public static int File(IncidentsConfig incidents, Terminal terminal, string stack, IncidentIssue issue, string? api, HttpClient http, Action<string> filed)
    {
        var environment = ProcessEnvironment.Read();
        var github = incidents.Tracker == IncidentTrackers.GitHub;
        var project = incidents.Project.Length > 0 ? incidents.Project : environment.GetValueOrDefault(github ? "GITHUB_REPOSITORY" : "CI_PROJECT_ID") ?? "";
        var token = environment.GetValueOrDefault(github ? "GITHUB_TOKEN" : "GITLAB_TOKEN") ?? "";
        var missing = new List<string>();
        if (project.Length == 0)
            missing.Add($"no project to file in: set release.incidents.project (pulumi config set --path {ConfigPath.Root("release").Key("incidents").Key("project")} <{(github ? "owner/name" : "group/project")}> --stack {stack}) or run in its CI ({(github ? "GITHUB_REPOSITORY" : "CI_PROJECT_ID")})");
        if (token.Length == 0)
            missing.Add(github
                ? "no GITHUB_TOKEN: give the job permissions: issues: write and env GITHUB_TOKEN: ${{ github.token }}"
                : "no GITLAB_TOKEN: store a project access token with the api scope as the masked, protected CI/CD variable GITLAB_TOKEN");
        if (missing.Count > 0)
        {
            foreach (var problem in missing)
                terminal.Error($"not filed: {problem}.");
            return ExitCodes.Problems;
        }

        var baseUrl = api ?? environment.GetValueOrDefault(github ? "GITHUB_API_URL" : "CI_API_V4_URL") ?? (github ? "https://api.github.com" : "https://gitlab.com/api/v4");
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var apiUrl) || (apiUrl.Scheme != Uri.UriSchemeHttps && apiUrl.Scheme != Uri.UriSchemeHttp))
            throw new UsageException($"--api \"{baseUrl}\" is not an http(s) URL; give the tracker's REST API, e.g. --api {(github ? "https://api.github.com" : "https://gitlab.example.com/api/v4")}.");
        var tracker = new IssueTracker(incidents.Tracker, apiUrl, project, token, http);
        try
        {
            if (tracker.Find(issue.Marker, open: true) is { } open)
            {
                tracker.Comment(open, issue.Comment);
                filed($"updated incident #{open.Number} (the same incident, still open): {open.Url}");
            }
            else if (tracker.Find(issue.Marker, open: false) is { } closed)
            {
                var opened = tracker.Open(issue.Title, issue.BodyAfter(closed.Number, closed.Url));
                filed($"opened incident #{opened.Number}, a recurrence of closed #{closed.Number}: {opened.Url}");
            }
            else
            {
                var opened = tracker.Open(issue.Title, issue.Body);
                filed($"opened incident #{opened.Number}: {opened.Url}");
            }
            return ExitCodes.Ok;
        }
        catch (IncidentNotFiledException e)
        {
            terminal.Error($"not filed: {e.Message}");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            terminal.Error($"not filed: {(github ? "GitHub" : "GitLab")} answered JSON without the fields of an issue ({e.Message}); is {baseUrl} its REST API?");
        }
        return ExitCodes.Problems;
    }
}
