namespace Delivery.Core.Chat;

/// <summary>Why deliver posts: a release waits for a person's approval, or the gate refused it.</summary>
public enum ChatEvent
{
    Approval,
    Refused,
}

/// <summary>
/// What one chat post says, whatever the platform: a title, the release summary (plain text lines)
/// and the link to act on (the CI run that waits for approval or shows the refusal), if known.
/// </summary>
public sealed record ChatNotice(ChatEvent Event, string Title, string Summary, string? Link)
{
    /// <summary>Summaries longer than this are cut (Slack's section text holds 3000 characters); the run has the rest.</summary>
    public const int SummaryLimit = 2800;

    public string LinkLabel => Event == ChatEvent.Approval ? "Review and approve" : "Open the run";

    /// <summary>The notice for <paramref name="stack"/>: the summary cut to <see cref="SummaryLimit"/>.</summary>
    public static ChatNotice For(ChatEvent chatEvent, string stack, string summary, string? link)
    {
        var title = chatEvent == ChatEvent.Approval
            ? $"Release of {stack} waits for approval"
            : $"Release of {stack} refused by the gate";
        var text = summary.Trim();
        if (text.Length > SummaryLimit)
            text = text[..SummaryLimit] + "\n… (cut; the whole summary is in the run)";
        return new ChatNotice(chatEvent, title, text.Length == 0 ? "(no summary given)" : text, link);
    }
}
