using System.Globalization;
using System.Text.Json.Nodes;

namespace Delivery.Core.Chat;

/// <summary>
/// A <see cref="ChatNotice"/> in each platform's own card format, as its incoming webhook takes it.
/// Where each shape comes from:
/// Slack: incoming webhooks take <c>text</c> (the notification's fallback) and <c>blocks</c> (docs.slack.dev, "Incoming webhooks"; Block Kit header/section/actions).
/// Teams: a Workflows webhook takes a <c>message</c> whose attachment has contentType <c>application/vnd.microsoft.card.adaptive</c> and the Adaptive Card as <c>content</c> (Microsoft's Teams webhook card samples).
/// DingTalk: the custom robot's <c>msgtype: actionCard</c> with title, markdown text, singleTitle and singleURL; a signing secret adds <c>timestamp</c> and <c>sign</c> to the query (DingTalk robot docs).
/// Feishu: the custom bot's <c>msg_type: interactive</c> with a <c>card</c> of header and elements; a signing secret adds <c>timestamp</c> and <c>sign</c> to the body (Feishu custom bot guide).
/// </summary>
public static class ChatPayloads
{
    /// <param name="webhook">The webhook URL as the platform gave it.</param>
    /// <param name="signingSecret">DingTalk, Feishu: the robot's sign secret, or null when it does not sign.</param>
    /// <param name="now">The signature's time: both platforms refuse a timestamp more than an hour off.</param>
    public static ChatRequest Build(string kind, Uri webhook, string? signingSecret, ChatNotice notice, DateTimeOffset now) => kind switch
    {
        ChatKinds.Slack => new(webhook, Slack(notice).ToJsonString()),
        ChatKinds.Teams => new(webhook, Teams(notice).ToJsonString()),
        ChatKinds.DingTalk => new(DingTalkUrl(webhook, signingSecret, now), DingTalk(notice).ToJsonString()),
        ChatKinds.Feishu => new(webhook, Feishu(notice, signingSecret, now).ToJsonString()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"not a chat kind; the kinds are {string.Join(", ", ChatKinds.All)}"),
    };

    private static JsonObject Slack(ChatNotice notice)
    {
        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = SlackText("plain_text", notice.Title) },
            // A code block keeps the summary's table columns; mrkdwn escapes only &, < and >.
            new JsonObject { ["type"] = "section", ["text"] = SlackText("mrkdwn", "```" + SlackEscape(notice.Summary) + "```") });
        if (notice.Link is { } link)
        {
            var button = new JsonObject { ["type"] = "button", ["text"] = SlackText("plain_text", notice.LinkLabel), ["url"] = link };
            button["style"] = notice.Event == ChatEvent.Approval ? "primary" : "danger";
            blocks.Add((JsonNode)new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) });
        }
        return new JsonObject
        {
            ["text"] = notice.Link is null ? notice.Title : $"{notice.Title}: {notice.Link}",
            ["blocks"] = blocks,
        };
    }

    private static JsonObject SlackText(string type, string text) => new() { ["type"] = type, ["text"] = text };

    private static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Teams(ChatNotice notice)
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = notice.Title,
                    ["weight"] = "Bolder",
                    ["size"] = "Medium",
                    ["wrap"] = true,
                    ["color"] = notice.Event == ChatEvent.Approval ? "Warning" : "Attention",
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = notice.Summary, ["wrap"] = true, ["fontType"] = "Monospace" }),
        };
        if (notice.Link is { } link)
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = notice.LinkLabel, ["url"] = link });
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card }),
        };
    }

    private static JsonObject DingTalk(ChatNotice notice)
    {
        // DingTalk's markdown keeps a line break only before two trailing spaces.
        var text = $"#### {notice.Title}\n\n" + string.Join("  \n", notice.Summary.Split('\n'));
        var card = new JsonObject { ["title"] = notice.Title, ["text"] = text };
        if (notice.Link is { } link)
        {
            card["singleTitle"] = notice.LinkLabel;
            card["singleURL"] = link;
        }
        return new JsonObject { ["msgtype"] = "actionCard", ["actionCard"] = card };
    }

    private static Uri DingTalkUrl(Uri webhook, string? secret, DateTimeOffset now)
    {
        if (secret is null)
            return webhook;
        var timestamp = now.ToUnixTimeMilliseconds();
        var query = string.Create(CultureInfo.InvariantCulture, $"timestamp={timestamp}&sign={Uri.EscapeDataString(ChatSignatures.DingTalk(secret, timestamp))}");
        var builder = new UriBuilder(webhook) { Query = webhook.Query.Length > 1 ? $"{webhook.Query[1..]}&{query}" : query };
        return builder.Uri;
    }

    private static JsonObject Feishu(ChatNotice notice, string? secret, DateTimeOffset now)
    {
        var elements = new JsonArray(
            new JsonObject { ["tag"] = "div", ["text"] = new JsonObject { ["tag"] = "plain_text", ["content"] = notice.Summary } });
        if (notice.Link is { } link)
        {
            var button = new JsonObject
            {
                ["tag"] = "button",
                ["text"] = new JsonObject { ["tag"] = "plain_text", ["content"] = notice.LinkLabel },
                ["type"] = notice.Event == ChatEvent.Approval ? "primary" : "danger",
                ["url"] = link,
            };
            elements.Add((JsonNode)new JsonObject { ["tag"] = "action", ["actions"] = new JsonArray(button) });
        }
        var body = new JsonObject();
        if (secret is not null)
        {
            var timestamp = now.ToUnixTimeSeconds();
            body["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
            body["sign"] = ChatSignatures.Feishu(secret, timestamp);
        }
        body["msg_type"] = "interactive";
        body["card"] = new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["title"] = new JsonObject { ["tag"] = "plain_text", ["content"] = notice.Title },
                ["template"] = notice.Event == ChatEvent.Approval ? "orange" : "red",
            },
            ["elements"] = elements,
        };
        return body;
    }
}
