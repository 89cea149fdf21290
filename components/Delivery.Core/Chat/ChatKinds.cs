namespace Delivery.Core.Chat;

/// <summary>The values of <c>release.chat.kind</c>: the chat platforms whose incoming webhooks deliver posts to.</summary>
public static class ChatKinds
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string DingTalk = "dingtalk";
    public const string Feishu = "feishu";

    public static readonly IReadOnlyList<string> All = [Slack, Teams, DingTalk, Feishu];

    /// <summary>The kinds whose robots can require each message to be signed with a secret.</summary>
    public static readonly IReadOnlyList<string> Signing = [DingTalk, Feishu];

    /// <summary>The platform's name, for messages.</summary>
    public static string Display(string kind) => kind switch
    {
        Slack => "Slack",
        Teams => "Microsoft Teams",
        DingTalk => "DingTalk",
        Feishu => "Feishu",
        _ => kind,
    };
}
