using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Delivery.Core.Chat;

/// <summary>
/// The "sign" security settings of DingTalk and Feishu robots: both sign "timestamp\nsecret" with
/// HMAC-SHA256 and base64, but differ in the key, the data and the timestamp's unit.
/// </summary>
public static class ChatSignatures
{
    /// <summary>
    /// DingTalk: the key is the secret, the data "timestamp\nsecret", the timestamp in milliseconds;
    /// the base64 goes URL-encoded into the query (DingTalk custom robot docs, "加签").
    /// </summary>
    public static string DingTalk(string secret, long timestampMilliseconds)
    {
        var data = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestampMilliseconds}\n{secret}"));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    /// <summary>
    /// Feishu: the key is "timestamp\nsecret", the data empty, the timestamp in seconds; the base64
    /// goes into the body beside the timestamp (Feishu custom bot guide, "签名校验").
    /// </summary>
    public static string Feishu(string secret, long timestampSeconds)
    {
        var key = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestampSeconds}\n{secret}"));
        return Convert.ToBase64String(HMACSHA256.HashData(key, Array.Empty<byte>()));
    }
}
