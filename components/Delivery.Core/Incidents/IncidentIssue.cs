namespace Delivery.Core.Incidents;

/// <summary>
/// What an incident files in its tracker: the hidden marker by which the next report of the same
/// incident finds the issue, the new issue's title and body, and the comment when it happens again.
/// </summary>
public sealed record IncidentIssue(string Marker, string Title, string Body, string Comment)
{
    /// <summary>
    /// The body of a new issue for an incident whose earlier issue was closed: the same, with a link to
    /// the closed one right under the marker, so its postmortem starts from the one before (and the
    /// tracker shows the mention on the closed issue).
    /// </summary>
    public string BodyAfter(long closedNumber, string closedUrl)
    {
        var afterMarker = Body.IndexOf('\n', StringComparison.Ordinal) + 1;
        return string.Concat(Body.AsSpan(0, afterMarker),
            $"**Happened before:** #{closedNumber} ({closedUrl}), closed since. This is a new occurrence: ask why that postmortem's action items did not prevent it.\n\n",
            Body.AsSpan(afterMarker));
    }
}
