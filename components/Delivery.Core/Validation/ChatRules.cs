using Delivery.Core.Chat;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>
/// <c>release.chat</c>: a known kind; with a kind, a webhook given with <c>--secret</c> (an https URL
/// where its value is known); a signing secret only for the kinds that sign; nothing without a kind.
/// </summary>
public static class ChatRules
{
    public static IEnumerable<ConfigProblem> Check(ChatConfig chat, ValidationContext context)
    {
        var root = ConfigPath.Root("release").Key("chat");
        var kindPath = root.Key("kind");
        var webhookPath = root.Key("webhook");
        var signingPath = root.Key("signingSecret");
        var problems = new List<ConfigProblem>();
        problems.AddRange(SecretRules.Optional(signingPath, chat.SigningSecret, context));
        if (chat.Kind.Length == 0)
        {
            problems.AddRange(SecretRules.Optional(webhookPath, chat.Webhook, context));
            foreach (var (path, secret) in new[] { (webhookPath, chat.Webhook), (signingPath, chat.SigningSecret) }.Where(s => s.Item2.IsSet))
            {
                problems.Add(ConfigProblem.Error(path, null, $"is set but {kindPath} is not, so deliver does not know the chat's card format.",
                    $"pulumi config set --path {kindPath} <{string.Join("|", ChatKinds.All)}>; or remove it: pulumi config rm --path {path}."));
            }
            return problems;
        }
        if (!ChatKinds.All.Contains(chat.Kind, StringComparer.Ordinal))
        {
            var suggestion = Suggestions.Closest(chat.Kind, ChatKinds.All);
            problems.Add(ConfigProblem.Error(kindPath, chat.Kind, $"is not a chat kind; the kinds are {string.Join(", ", ChatKinds.All)}.",
                suggestion is null ? $"pulumi config set --path {kindPath} <kind>." : $"did you mean \"{suggestion}\"? pulumi config set --path {kindPath} {suggestion}."));
            return problems;
        }
        var platform = ChatKinds.Display(chat.Kind);
        problems.AddRange(SecretRules.Required(webhookPath, chat.Webhook, context, $"{platform} webhook URL", $"for release.chat.kind {chat.Kind}"));
        if (chat.Webhook.State != SecretState.Plaintext && chat.Webhook.HasKnownValue && !Urls.IsWebUrl(chat.Webhook.Reveal(), allowHttp: context.Profile?.ServesPlainHttp == true))
        {
            problems.Add(ConfigProblem.Error(webhookPath, null, "is not an https URL (the value is not shown: it is a secret).",
                $"pulumi config set --secret --path {webhookPath} https://<the webhook {platform} gave the channel>."));
        }
        if (chat.SigningSecret.IsSet && !ChatKinds.Signing.Contains(chat.Kind, StringComparer.Ordinal))
        {
            problems.Add(ConfigProblem.Error(signingPath, null, $"is set but not used: {platform} webhooks are not signed (only {string.Join(" and ", ChatKinds.Signing)} robots are).",
                $"remove it: pulumi config rm --path {signingPath}."));
        }
        return problems;
    }
}
