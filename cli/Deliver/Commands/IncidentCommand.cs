using System.Globalization;
using System.Text.Json;
using Delivery.Core.Chat;
using Delivery.Core.Configuration;
using Delivery.Core.Incidents;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>
/// deliver incident: files an incident of one app's release in the stack's issue tracker
/// (release.incidents): a new issue with a postmortem template, or a comment on the open issue of
/// the same stack, app and release id. The release script calls it after an automatic rollback and
/// goes on whatever it answers. Exit 0 filed (or no tracker configured), 1 not filed, 2 usage.
/// </summary>
internal static class IncidentCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string app, string cause, string? verdictFile, string? detected, string? rolledBack,
        string? api, string? link, HttpClient http)
    {
        var loaded = workspace.Load(stack);
        var root = ConfigPath.Root("release").Key("incidents").ToString();
        if (ProblemPrinter.PrintFor(stack, terminal, loaded.Errors.Where(p => p.Key.StartsWith(root, StringComparison.Ordinal))))
        {
            terminal.Error($"not filed: {stack}'s release.incidents has errors (above).");
            return ExitCodes.Problems;
        }
        var config = loaded.Config;
        var incidents = config.Release.Incidents;
        if (incidents.Tracker.Length == 0)
        {
            terminal.Line($"note: {stack} sets no release.incidents.tracker, so no incident issue is filed; to file them: pulumi config set --path {ConfigPath.Root("release").Key("incidents").Key("tracker")} <{string.Join("|", IncidentTrackers.All)}> --stack {stack}.");
            return ExitCodes.Ok;
        }
        if (UnknownApp.Message(config, stack, app) is { } unknown)
            throw new UsageException(unknown);

        var environment = EnvironmentOverrides.OfProcess();
        var github = incidents.Tracker == IncidentTrackers.GitHub;
        var tokenVariable = github ? "GITHUB_TOKEN" : "GITLAB_TOKEN";
        var project = incidents.Project.Length > 0 ? incidents.Project : environment.GetValueOrDefault(github ? "GITHUB_REPOSITORY" : "CI_PROJECT_ID") ?? "";
        var token = environment.GetValueOrDefault(tokenVariable) ?? "";
        var missing = new List<string>();
        if (project.Length == 0)
            missing.Add($"no project to file in: set release.incidents.project (pulumi config set --path {ConfigPath.Root("release").Key("incidents").Key("project")} <{(github ? "owner/name" : "group/project")}> --stack {stack}) or run in its CI ({(github ? "GITHUB_REPOSITORY" : "CI_PROJECT_ID")})");
        if (token.Length == 0)
            missing.Add(github
                ? "no GITHUB_TOKEN: give the job permissions: issues: write and env GITHUB_TOKEN: ${{ github.token }}"
                : "no GITLAB_TOKEN: store a project access token with the api scope as the masked, protected CI/CD variable GITLAB_TOKEN");
        var report = Report(loaded, stack, app, cause, verdictFile, detected, rolledBack, link ?? CiRunLink.From(environment));
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
            if (tracker.FindOpen(IncidentTemplate.Marker(report)) is { } open)
            {
                tracker.Comment(open, IncidentTemplate.Comment(report));
                terminal.Success($"updated incident #{open.Number} (the same stack, app and release id): {open.Url}");
            }
            else
            {
                var opened = tracker.Open(IncidentTemplate.Title(report), IncidentTemplate.Body(report));
                terminal.Success($"opened incident #{opened.Number}: {opened.Url}");
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

    /// <summary>The incident from the stack and, when given, the verification that judged the release (deliver verify --json).</summary>
    private static IncidentReport Report(LoadedConfig loaded, string stack, string app, string cause, string? verdictFile, string? detected, string? rolledBack, string? link)
    {
        var config = loaded.Config;
        VerifyReport? verdict = null;
        if (verdictFile is not null)
        {
            if (!File.Exists(verdictFile))
                throw new UsageException($"--verdict {verdictFile}: no such file; give the output of deliver verify {app} --json.");
            try
            {
                verdict = JsonSerializer.Deserialize(File.ReadAllText(verdictFile), VerifyCommand.Json.VerifyReport);
            }
            catch (JsonException e)
            {
                throw new UsageException($"--verdict {verdictFile} is not the output of deliver verify --json ({e.Message}).");
            }
        }
        var settings = config.Apps[app];
        var version = verdict?.Version ?? Slots.Version(settings, settings.LiveSlot!.Value);
        var releaseId = verdict?.Release ?? (loaded.Tier is null || version.Length == 0 ? "unknown" : ReleaseId.Of(config, app, version));
        return new IncidentReport(stack, app, version, releaseId, cause, verdict?.Checks ?? [],
            Time("--detected", detected) ?? DateTimeOffset.UtcNow, Time("--rolled-back", rolledBack), link,
            loaded.Tier is { } tier ? IncidentDashboards.For(config, tier, app) : []);
    }

    private static DateTimeOffset? Time(string option, string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : throw new UsageException($"{option} \"{text}\" is not a time; give ISO 8601 (2026-12-06T19:30:00Z) or Unix seconds (date +%s).");
}
