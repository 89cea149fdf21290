using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deliver.Tests;

/// <summary>One issue the fake tracker holds.</summary>
internal sealed record FakeIssue(long Number, string Title, string Body, string Labels, bool Open);

/// <summary>
/// A tracker's issues and comments for project acme/platform, answering as GitHub's or GitLab's REST
/// API does (paths, auth header, field names, the state filter of the issue list); a wrong token gets 401.
/// Serve it with <c>new FakeHttpServer(tracker.Answer)</c>.
/// </summary>
internal sealed class FakeIssueTracker(bool github, string token)
{
    private readonly List<FakeIssue> _issues = [];
    private readonly List<(long Number, string Body)> _comments = [];

    public IReadOnlyList<FakeIssue> Issues
    {
        get
        {
            lock (_issues)
                return [.. _issues];
        }
    }

    public IReadOnlyList<(long Number, string Body)> Comments
    {
        get
        {
            lock (_issues)
                return [.. _comments];
        }
    }

    /// <summary>Closes an issue, as a person does once its postmortem is done.</summary>
    public void Close(long number)
    {
        lock (_issues)
        {
            var index = _issues.FindIndex(issue => issue.Number == number);
            _issues[index] = _issues[index] with { Open = false };
        }
    }

    private string IssuesPath => github ? "/repos/acme/platform/issues" : "/api/v4/projects/acme%2Fplatform/issues";

    public (int Status, string Body) Answer(RecordedRequest request)
    {
        var authorized = github
            ? request.Headers.GetValueOrDefault("Authorization") == $"Bearer {token}" && request.Headers.GetValueOrDefault("Accept") == "application/vnd.github+json"
            : request.Headers.GetValueOrDefault("PRIVATE-TOKEN") == token;
        if (!authorized)
            return (401, """{"message":"Bad credentials"}""");
        lock (_issues)
        {
            if (request.Method == "GET" && request.Path == IssuesPath)
            {
                var open = request.Query.Contains(github ? "state=open" : "state=opened", StringComparison.Ordinal);
                var closed = request.Query.Contains("state=closed", StringComparison.Ordinal);
                // Newest first, as both trackers list by default.
                var list = new JsonArray([.. _issues.Where(issue => issue.Open ? open : closed).OrderByDescending(issue => issue.Number)
                    .Select(issue => (JsonNode)Issue(issue.Number, issue.Body))]);
                return (200, list.ToJsonString());
            }
            if (request.Method == "POST" && request.Path == IssuesPath)
            {
                using var body = JsonDocument.Parse(request.Body);
                var labels = github
                    ? string.Join(',', body.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()))
                    : body.RootElement.GetProperty("labels").GetString()!;
                var number = _issues.Count + 1;
                _issues.Add(new(number, body.RootElement.GetProperty("title").GetString()!, body.RootElement.GetProperty(github ? "body" : "description").GetString()!, labels, true));
                return (201, Issue(number, "").ToJsonString());
            }
            var commentPath = github ? "/comments" : "/notes";
            if (request.Method == "POST" && request.Path.StartsWith(IssuesPath + "/", StringComparison.Ordinal) && request.Path.EndsWith(commentPath, StringComparison.Ordinal))
            {
                var number = long.Parse(request.Path[(IssuesPath.Length + 1)..^commentPath.Length], CultureInfo.InvariantCulture);
                using var body = JsonDocument.Parse(request.Body);
                _comments.Add((number, body.RootElement.GetProperty("body").GetString()!));
                return (201, """{"id":1}""");
            }
        }
        return (404, """{"message":"Not Found"}""");
    }

    public string IssueUrl(long number) => github ? $"https://github.example.com/acme/platform/issues/{number}" : $"https://gitlab.example.com/acme/platform/-/issues/{number}";

    private JsonObject Issue(long number, string body) => github
        ? new JsonObject { ["number"] = number, ["body"] = body, ["html_url"] = IssueUrl(number) }
        : new JsonObject { ["iid"] = number, ["description"] = body, ["web_url"] = IssueUrl(number) };
}
