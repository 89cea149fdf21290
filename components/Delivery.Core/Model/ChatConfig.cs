namespace Delivery.Core.Model;

/// <summary>
/// The team chat that hears about a release waiting for its approval or refused by the gate: one
/// incoming webhook of a chat platform. Its URL embeds the token that posts, so it is a secret.
/// </summary>
public sealed class ChatConfig
{
    /// <summary>slack, teams, dingtalk or feishu; empty: no chat notice.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The incoming webhook URL the platform gave the channel.</summary>
    public SecretValue Webhook { get; set; } = SecretValue.Missing;

    /// <summary>dingtalk, feishu: the secret of the robot's "sign" security setting; each message is then signed with it.</summary>
    public SecretValue SigningSecret { get; set; } = SecretValue.Missing;
}
