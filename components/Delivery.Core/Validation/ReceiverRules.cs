using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Monitoring;

namespace Delivery.Core.Validation;

/// <summary>
/// One alert receiver: a known kind, the fields that kind needs and no others, its secret given
/// with <c>--secret</c>, URLs over https. A receiver with nothing set is simply off (its alerts are
/// dropped), except where <c>requiredWhy</c> says it must page someone.
/// </summary>
internal static partial class ReceiverRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath path, AlertReceiverConfig receiver, ValidationContext context, string? requiredWhy)
    {
        var kind = ReceiverKinds.Of(receiver);
        if (kind is null)
        {
            var suggestion = Suggestions.Closest(receiver.Kind, ReceiverKinds.Names);
            yield return ConfigProblem.Error(path.Key("kind"), receiver.Kind,
                $"is not a known receiver kind; the kinds are {string.Join(", ", ReceiverKinds.Names)}.",
                suggestion is null
                    ? $"pulumi config set --path {path.Key("kind")} <kind>."
                    : $"did you mean \"{suggestion}\"? pulumi config set --path {path.Key("kind")} {suggestion}.");
            yield break;
        }
        var configured = receiver.Kind.Length > 0 || ReceiverKinds.AllFields.Any(field => field.IsGiven(receiver));
        var what = $"a {kind.Name} receiver";
        foreach (var field in ReceiverKinds.AllFields.Where(field => field.IsGiven(receiver) && !kind.Fields.Contains(field)))
        {
            var users = ReceiverKinds.All.Where(k => k.Fields.Contains(field)).Select(k => k.Name);
            yield return ConfigProblem.Error(path.Key(field.Key), null,
                $"is set but not used by {what} (it is for {string.Join(", ", users)}).",
                $"remove it: pulumi config rm --path {path.Key(field.Key)}; or set the kind it is for: pulumi config set --path {path.Key("kind")} <kind>.");
        }

        var secretPath = path.Key(kind.Secret.Key);
        var secret = kind.Secret.Secret!(receiver);
        var secretChecks = configured
            ? SecretRules.Required(secretPath, secret, context, kind.Secret.What, $"for {what}")
            : requiredWhy is not null
                ? SecretRules.Required(secretPath, secret, context, kind.Secret.What, requiredWhy)
                : SecretRules.Optional(secretPath, secret, context);
        foreach (var problem in secretChecks)
            yield return problem;
        if (kind.Secret == ReceiverKinds.WebhookUrl && secret.HasKnownValue && !Urls.IsWebUrl(secret.Reveal(), allowHttp: context.Profile?.ServesPlainHttp == true))
        {
            yield return ConfigProblem.Error(secretPath, null, "is not an https URL (the value is not shown: it is a secret).",
                $"pulumi config set --secret --path {secretPath} https://<receiver>.");
        }

        foreach (var field in kind.Required.Where(field => !field.IsGiven(receiver)))
        {
            yield return ConfigProblem.Error(path.Key(field.Key), null, $"{field.What} is required for {what}, and is not set.",
                $"pulumi config set --path {path.Key(field.Key)} {field.Example}.");
        }
        foreach (var problem in CheckValues(path, kind, receiver))
            yield return problem;
    }

    private static IEnumerable<ConfigProblem> CheckValues(ConfigPath path, ReceiverKind kind, AlertReceiverConfig receiver)
    {
        if (receiver.ApiUrl.Length > 0 && kind.Fields.Contains(ReceiverKinds.ApiUrl) && !Urls.IsWebUrl(receiver.ApiUrl, allowHttp: false))
        {
            yield return ConfigProblem.Error(path.Key("apiUrl"), receiver.ApiUrl, "must be the https URL of the service's API.",
                $"pulumi config set --path {path.Key("apiUrl")} {(kind.Name == ReceiverKinds.Jira ? ReceiverKinds.ApiUrl.Example : "https://api.eu.opsgenie.com/")}.");
        }
        if (kind.Name == ReceiverKinds.Slack && receiver.Channel.Contains("://", StringComparison.Ordinal))
        {
            // A Slack webhook URL pasted here would be committed in plain text.
            yield return ConfigProblem.Error(path.Key("channel"), null, "is a URL; it must be a channel (#alerts) or user (@oncall), and the webhook URL a secret.",
                $"pulumi config rm --path {path.Key("channel")}; pulumi config set --path {path.Key("channel")} '#alerts'; pulumi config set --secret --path {path.Key("webhookUrl")} <webhook URL>.");
        }
        if (kind.Name == ReceiverKinds.Jira && receiver.Project.Length > 0 && !JiraProjectKey().IsMatch(receiver.Project))
        {
            yield return ConfigProblem.Error(path.Key("project"), receiver.Project,
                "must be a Jira project key: an upper-case letter, then upper-case letters, digits or '_' (OPS, WEB_2).",
                $"pulumi config set --path {path.Key("project")} {ReceiverKinds.Project.Example}.");
        }
    }

    /// <summary>Jira's default project key pattern.</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9_]+$")]
    private static partial Regex JiraProjectKey();
}
