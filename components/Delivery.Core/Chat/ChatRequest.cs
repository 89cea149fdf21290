namespace Delivery.Core.Chat;

/// <summary>One webhook post: the URL (the webhook's, plus DingTalk's signature query) and the JSON body.</summary>
public sealed record ChatRequest(Uri Url, string Json)
{
    /// <summary>The URL embeds the webhook's token: never printed.</summary>
    public override string ToString() => $"chat post of {Json.Length} characters to the webhook";
}
