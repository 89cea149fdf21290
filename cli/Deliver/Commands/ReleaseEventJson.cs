using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>A release event as <c>deliver history --json</c> prints it: its kind by name, its time in UTC.</summary>
internal sealed record ReleaseEventJson(
    DateTime Time, string Stack, string App, string Event, string Slot, string From, string To, string ReleaseId, string Commit, string Author)
{
    public static ReleaseEventJson Of(ReleaseEvent e) =>
        new(e.Time.UtcDateTime, e.Stack, e.App, e.KindName, e.Slot, e.From, e.To, e.ReleaseId, e.Commit, e.Author);
}
