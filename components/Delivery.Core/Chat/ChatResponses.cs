using System.Globalization;
using System.Text.Json;

namespace Delivery.Core.Chat;

/// <summary>
/// Whether a platform took the post. Each says so differently: Slack's incoming webhook answers the
/// plain text <c>ok</c> (and an error code such as <c>invalid_payload</c> or <c>no_service</c> otherwise);
/// a Teams Workflows webhook answers 202 Accepted; DingTalk answers HTTP 200 with JSON <c>errcode</c> 0
/// and Feishu HTTP 200 with JSON <c>code</c> 0 (older bots: <c>StatusCode</c> 0), an error code in them otherwise.
/// </summary>
public static class ChatResponses
{
    private const int ExcerptLimit = 200;

    /// <summary>Null when the platform took the post; else why not, in one line (the body's excerpt, never the URL).</summary>
    public static string? Failure(string kind, int status, string body)
    {
        var platform = ChatKinds.Display(kind);
        var excerpt = Excerpt(body);
        if (status is < 200 or > 299)
            return $"{platform} answered HTTP {status}{(excerpt.Length == 0 ? "" : $": {excerpt}")}";
        return kind switch
        {
            ChatKinds.Slack => body.Trim() == "ok" ? null : $"Slack answered \"{excerpt}\" instead of \"ok\"",
            ChatKinds.Teams => null,
            ChatKinds.DingTalk => Coded(platform, JsonCode(body, "errcode", "errmsg"), excerpt),
            ChatKinds.Feishu => Coded(platform, JsonCode(body, "code", "msg") ?? JsonCode(body, "StatusCode", "StatusMessage"), excerpt),
            _ => $"{platform} is not a chat kind deliver knows",
        };
    }

    private static string? Coded(string platform, (long Code, string Message)? answer, string excerpt) => answer switch
    {
        (0, _) => null,
        var (code, message) => string.Create(CultureInfo.InvariantCulture, $"{platform} refused the message: code {code}: {message}"),
        null => $"{platform} answered without its JSON result code ({(excerpt.Length == 0 ? "empty body" : excerpt)})",
    };

    private static (long Code, string Message)? JsonCode(string body, string codeName, string messageName)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(codeName, out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt64(out var value))
                return null;
            var message = document.RootElement.TryGetProperty(messageName, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
            return (value, message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An answer's body as one line of at most 200 characters, for an error message.</summary>
    public static string Excerpt(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= ExcerptLimit ? line : line[..ExcerptLimit] + "…";
    }
}
