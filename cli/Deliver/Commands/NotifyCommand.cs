using System.Net.Http.Headers;
using System.Text;
using Delivery.Core.Chat;
using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>
/// deliver notify: posts a release's summary to the stack's team chat (release.chat) in its platform's
/// card format, with the link to the CI run: when the release waits for a person's approval, or the
/// gate refused it. The release scripts call it and go on whatever it answers; exit 0 sent (or no chat
/// configured), 1 not sent (config, unreachable, or the platform refused), 2 usage.
/// </summary>
internal static class NotifyCommand
{
    public const string Approval = "approval";
    public const string Refused = "refused";

    public static int Run(Workspace workspace, Terminal terminal, string stack, string eventName, string? summaryFile, string? link, HttpClient http)
    {
        var chatEvent = eventName == Approval ? ChatEvent.Approval : ChatEvent.Refused;
        var loaded = workspace.Load(stack);
        var root = ConfigPath.Root("release").Key("chat").ToString();
        // Only the chat's own problems stop the post: a refusal must reach the team even from a stack with other errors.
        if (ProblemPrinter.PrintFor(stack, terminal, loaded.Errors.Where(p => p.Key.StartsWith(root, StringComparison.Ordinal))))
        {
            terminal.Error($"not sent: {stack}'s release.chat has errors (above).");
            return ExitCodes.Problems;
        }
        var chat = loaded.Config.Release.Chat;
        if (chat.Kind.Length == 0)
        {
            terminal.Line($"note: {stack} sets no release.chat.kind, so no chat hears of it; to post there: pulumi config set --path {ConfigPath.Root("release").Key("chat").Key("kind")} <{string.Join("|", ChatKinds.All)}> --stack {stack}.");
            return ExitCodes.Ok;
        }
        if (Unreadable(terminal, stack, "webhook", chat.Webhook) || (chat.SigningSecret.IsSet && Unreadable(terminal, stack, "signingSecret", chat.SigningSecret)))
            return ExitCodes.Problems;

        var summary = summaryFile is null ? "" : File.Exists(summaryFile) ? File.ReadAllText(summaryFile)
            : throw new UsageException($"--summary {summaryFile}: no such file; give the release summary's file (the release script writes one).");
        var notice = ChatNotice.For(chatEvent, stack, summary, link ?? CiRunLink.From(ProcessEnvironment.Read()));
        var request = ChatPayloads.Build(chat.Kind, new Uri(chat.Webhook.Reveal()), chat.SigningSecret.IsSet ? chat.SigningSecret.Reveal() : null, notice, DateTimeOffset.UtcNow);
        var platform = ChatKinds.Display(chat.Kind);
        int status;
        string body;
        using (var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = new StringContent(request.Json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) })
        {
            try
            {
                (status, body) = HttpExchange.Send(http, message);
            }
            catch (NoAnswerException e)
            {
                terminal.Error($"not sent: {platform} at {stack}'s release.chat.webhook is unreachable ({e.Message}).");
                return ExitCodes.Problems;
            }
        }
        if (ChatResponses.Failure(chat.Kind, status, body) is { } failure)
        {
            terminal.Error($"not sent: {failure}. Check {stack}'s release.chat.webhook{(ChatKinds.Signing.Contains(chat.Kind) ? " and release.chat.signingSecret" : "")} against the channel's {platform} webhook settings.");
            return ExitCodes.Problems;
        }
        terminal.Success($"sent to {platform}: {notice.Title}{(notice.Link is null ? " (no CI run link: give --link)" : "")}.");
        return ExitCodes.Ok;
    }

    /// <summary>A secret deliver cannot read offline (secure: in the stack file) or not set: says how to hand it over.</summary>
    private static bool Unreadable(Terminal terminal, string stack, string key, SecretValue secret)
    {
        if (secret.HasKnownValue)
            return false;
        var path = ConfigPath.Root("release").Key("chat").Key(key);
        var variable = EnvironmentOverrides.VariableFor(path);
        terminal.Error(secret.IsSet
            ? $"not sent: {stack}'s {path} is encrypted in its stack file, which deliver reads without Pulumi; hand its value to this command: {variable}=\"$(pulumi config get --path {path} --stack {stack})\" deliver notify …"
            : $"not sent: {stack}'s {path} is not set; run: pulumi config set --secret --path {path} <value> --stack {stack}.");
        return true;
    }
}
