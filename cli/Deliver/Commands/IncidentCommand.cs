using System.Globalization;
using System.Text.Json;
using Delivery.Core.Apps;
using Delivery.Core.Chat;
using Delivery.Core.Configuration;
using Delivery.Core.Incidents;
using Delivery.Core.Io;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Release;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>
/// deliver incident: files an incident of one app's release in the stack's issue tracker
/// (release.incidents): a new issue with a postmortem template, or a comment on the open issue of
/// the same stack, app and release id (a closed one is linked from the new issue). The release script calls it after an automatic rollback and
/// goes on whatever it answers. Exit 0 filed (or no tracker configured), 1 not filed, 2 usage.
/// </summary>
internal static class IncidentCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string stack, string app, string cause, string? verdictFile, string? detected, string? rolledBack,
        string? api, string? link, HttpClient http)
    {
        var loaded = workspace.Load(stack);
        if (IncidentFiling.NothingToFile(loaded, terminal, stack) is { } exit)
            return exit;
        if (UnknownApp.Message(loaded.Config, stack, app) is { } unknown)
            throw new UsageException(unknown);
        // With no verdict (a failed smoke test), what was rolled back is no longer in the stack file: the history knows it.
        var rolledBackVersion = verdictFile is null && rolledBack is not null ? RolledBackVersion(workspace, terminal, stack, app) : null;
        var report = Report(loaded, stack, app, cause, verdictFile, rolledBackVersion, detected, rolledBack, link ?? CiRunLink.From(ProcessEnvironment.Read()));
        return IncidentFiling.File(loaded.Config.Release.Incidents, terminal, stack, IncidentTemplate.Issue(report), api, http, terminal.Success);
    }

    /// <summary>The version the app's last change of its live version took out, when that change was a rollback (uncommitted edits count).</summary>
    private static string? RolledBackVersion(Workspace workspace, Terminal terminal, string stack, string app) =>
        Histories.TryRead(workspace, terminal, stack)?.Of(app).LastOrDefault(change => change.ChangesLive) is { Kind: ReleaseEventKind.Rollback } rollback ? rollback.From : null;

    /// <summary>The incident from the stack and, when given, the verification that judged the release (deliver verify --json).</summary>
    /// <param name="rolledBackVersion">Without a verdict, the version the rollback took out; else the live one is named.</param>
    private static IncidentReport Report(LoadedConfig loaded, string stack, string app, string cause, string? verdictFile, string? rolledBackVersion, string? detected, string? rolledBack, string? link)
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
        // A stack with errors still files its incident: a live slot that is no slot names no version.
        var version = verdict?.Version ?? rolledBackVersion ?? (settings.LiveSlot is { } live ? Slots.Version(settings, live) : "");
        var valid = loaded.Stack;
        var releaseId = verdict?.Release ?? (valid is null || version.Length == 0 ? "unknown" : ReleaseId.Of(valid, app, ImageVersion.Parse(version)));
        return new IncidentReport(stack, app, version, releaseId, cause, verdict?.Checks ?? [],
            Time("--detected", detected) ?? DateTimeOffset.UtcNow, Time("--rolled-back", rolledBack), link,
            valid is null ? [] : IncidentDashboards.For(valid, app));
    }

    private static DateTimeOffset? Time(string option, string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : throw new UsageException($"{option} \"{text}\" is not a time; give ISO 8601 (2026-12-06T19:30:00Z) or Unix seconds (date +%s).");
}
