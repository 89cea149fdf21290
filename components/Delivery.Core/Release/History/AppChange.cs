using System.Globalization;

namespace Delivery.Core.Release.History;

/// <summary>
/// The app change a promotion carries: which app and version it staged, the app repository's commit
/// that built it, that commit's time and the ticket it names. The app pipeline writes these as git
/// trailers on the promotion commit in this repository (docs/app-pipelines.md); the stack file stays
/// as it was, and lead time for changes reads them back.
/// </summary>
public sealed record AppChange(string App, string Version, string Commit, DateTimeOffset CommittedAt, string Ticket)
{
    public const string AppTrailer = "Delivery-App";
    public const string VersionTrailer = "Delivery-Version";
    public const string CommitTrailer = "App-Commit";
    public const string CommitTimeTrailer = "App-Commit-Time";
    public const string TicketTrailer = "Ticket";

    /// <summary>
    /// The changes in a commit's trailers ("Key: value" lines, as <c>git log --format=%(trailers:only,unfold)</c>
    /// prints them). A trailer block without app, version, commit or a valid ISO 8601 commit time is
    /// not a promotion of an app change: none.
    /// </summary>
    public static AppChange? FromTrailers(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        string Value(string key) => values.GetValueOrDefault(key, "");
        if (Value(AppTrailer).Length == 0 || Value(VersionTrailer).Length == 0 || Value(CommitTrailer).Length == 0)
            return null;
        if (!DateTimeOffset.TryParse(Value(CommitTimeTrailer), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var committedAt))
            return null;
        return new AppChange(Value(AppTrailer), Value(VersionTrailer), Value(CommitTrailer), committedAt, Value(TicketTrailer));
    }
}
