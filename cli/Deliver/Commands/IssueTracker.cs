using System.Text.Json;
using System.Text.Json.Nodes;
using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>An issue: its number in the project (GitHub's number, GitLab's iid) and its page.</summary>
internal sealed record TrackedIssue(long Number, string Url);

/// <summary>
/// Files incidents as issues: finds the open (or closed) incident issue whose body holds a marker,
/// comments on it, or opens one with the incident labels. GitHub REST (docs.github.com, "REST API endpoints for
/// issues" and "for issue comments": GET/POST /repos/{owner}/{repo}/issues, POST …/issues/{number}/comments,
/// a Bearer token, Accept application/vnd.github+json); GitLab REST v4 (docs.gitlab.com, "Issues API"
/// and "Notes API": GET/POST /projects/:id/issues, POST …/issues/:iid/notes, the PRIVATE-TOKEN header).
/// </summary>
internal sealed class IssueTracker
{
    private const int PageSize = 100;
    private readonly string _kind;
    private readonly string _project;
    private readonly TrackerApi _api;

    public IssueTracker(string kind, Uri api, string project, string token, HttpClient http)
    {
        _kind = kind;
        _project = project;
        _api = kind == IncidentTrackers.GitHub
            ? new TrackerApi("GitHub", api, [("Authorization", $"Bearer {token}"), ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"), ("User-Agent", "deliver")], http)
            : new TrackerApi("GitLab", api, [("PRIVATE-TOKEN", token)], http);
    }

    private string Issues => _kind == IncidentTrackers.GitHub ? $"/repos/{_project}/issues" : $"/projects/{Uri.EscapeDataString(_project)}/issues";

    /// <summary>
    /// The newest issue labelled <c>incident</c>, open or closed, whose body holds <paramref name="marker"/>, if any
    /// (among the newest 100: both trackers list newest first).
    /// </summary>
    public TrackedIssue? Find(string marker, bool open)
    {
        var state = !open ? "closed" : _kind == IncidentTrackers.GitHub ? "open" : "opened";
        using var answer = _api.Send(HttpMethod.Get, $"{Issues}?state={state}&labels={IncidentTrackers.Labels[0]}&per_page={PageSize}");
        var bodyName = _kind == IncidentTrackers.GitHub ? "body" : "description";
        foreach (var issue in answer.RootElement.EnumerateArray())
        {
            if (issue.TryGetProperty(bodyName, out var body) && body.ValueKind == JsonValueKind.String && body.GetString()!.Contains(marker, StringComparison.Ordinal))
                return Issue(issue);
        }
        return null;
    }

    public TrackedIssue Open(string title, string body)
    {
        var request = _kind == IncidentTrackers.GitHub
            ? new JsonObject { ["title"] = title, ["body"] = body, ["labels"] = new JsonArray([.. IncidentTrackers.Labels.Select(label => (JsonNode)JsonValue.Create(label))]) }
            : new JsonObject { ["title"] = title, ["description"] = body, ["labels"] = string.Join(',', IncidentTrackers.Labels) };
        using var answer = _api.Send(HttpMethod.Post, Issues, request.ToJsonString());
        return Issue(answer.RootElement);
    }

    public void Comment(TrackedIssue issue, string text)
    {
        var path = _kind == IncidentTrackers.GitHub ? $"{Issues}/{issue.Number}/comments" : $"{Issues}/{issue.Number}/notes";
        using var _ = _api.Send(HttpMethod.Post, path, new JsonObject { ["body"] = text }.ToJsonString());
    }

    private TrackedIssue Issue(JsonElement issue) => _kind == IncidentTrackers.GitHub
        ? new(issue.GetProperty("number").GetInt64(), issue.GetProperty("html_url").GetString() ?? "")
        : new(issue.GetProperty("iid").GetInt64(), issue.GetProperty("web_url").GetString() ?? "");
}
