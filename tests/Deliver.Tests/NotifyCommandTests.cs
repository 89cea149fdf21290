using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Deliver.Tests;

/// <summary>
/// deliver notify against a chat webhook on loopback: one test per platform checks the method, the
/// content type, the card's shape and the signature as the platform would; then the failures.
/// The webhook comes from DELIVERY_release__chat__webhook, as the release scripts hand it over.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class NotifyCommandTests
{
    private const string Link = "https://github.example.com/acme/platform/actions/runs/42";
    private const string HookPath = "/hook/T0-secret-token";

    private static ProjectCopy ProjectWithChat(string kind)
    {
        var project = new ProjectCopy(git: false);
        File.WriteAllText(project.StackPath("local"), project.Stack("local")
            .Replace("config:\n", $"config:\n  delivery-platform:release:\n    chat:\n      kind: {kind}\n", StringComparison.Ordinal));
        return project;
    }

    private static (int ExitCode, string Output, string Error) Notify(ProjectCopy project, string webhook, string? signingSecret, params string[] args)
    {
        var summary = Path.Combine(project.Root, "summary.md");
        File.WriteAllText(summary, "gate: pass\napi green 1.5.2 <staged>\n");
        using var _ = ProcessEnvironment.Set(("DELIVERY_release__chat__webhook", webhook), ("DELIVERY_release__chat__signingSecret", signingSecret));
        return project.Run(["notify", .. args, "--stack", "local", "--summary", summary]);
    }

    [Fact]
    public void Slack_gets_a_header_the_summary_and_an_approve_button()
    {
        using var project = ProjectWithChat("slack");
        using var slack = new FakeHttpServer(_ => (200, "ok"));

        var result = Notify(project, slack.Url + HookPath, null, "approval", "--link", Link);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("sent to Slack: Release of local waits for approval", result.Output, StringComparison.Ordinal);
        var request = Assert.Single(slack.Requests);
        Assert.Equal(("POST", HookPath), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var blocks = body.RootElement.GetProperty("blocks");
        Assert.Equal(["header", "section", "actions"], blocks.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("Release of local waits for approval", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("api green 1.5.2 &lt;staged&gt;", blocks[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        var button = blocks[2].GetProperty("elements")[0];
        Assert.Equal(("button", Link, "primary"), (button.GetProperty("type").GetString(), button.GetProperty("url").GetString(), button.GetProperty("style").GetString()));
        Assert.Contains(Link, body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_gets_an_adaptive_card_with_an_open_url_action()
    {
        using var project = ProjectWithChat("teams");
        using var teams = new FakeHttpServer(_ => (202, ""));

        var result = Notify(project, teams.Url + HookPath, null, "refused", "--link", Link);

        Assert.True(result.ExitCode == 0, result.Error);
        var request = Assert.Single(teams.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        var attachment = Assert.Single(body.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("Release of local refused by the gate", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Contains("gate: pass", card.GetProperty("body")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal(("Action.OpenUrl", Link), (action.GetProperty("type").GetString(), action.GetProperty("url").GetString()));
    }

    [Fact]
    public void DingTalk_gets_a_signed_action_card_its_robot_verifies()
    {
        const string secret = "SECdingtalk-robot-secret";
        using var project = ProjectWithChat("dingtalk");
        using var dingtalk = new FakeHttpServer(request => DingTalkVerifies(request, secret)
            ? (200, """{"errcode":0,"errmsg":"ok"}""")
            : (200, """{"errcode":310000,"errmsg":"sign not match"}"""));

        var result = Notify(project, dingtalk.Url + "/robot/send?access_token=abc", secret, "approval", "--link", Link);

        Assert.True(result.ExitCode == 0, result.Error);
        var request = Assert.Single(dingtalk.Requests);
        Assert.Equal(("POST", "/robot/send"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("abc", Query(request)["access_token"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("actionCard", body.RootElement.GetProperty("msgtype").GetString());
        var card = body.RootElement.GetProperty("actionCard");
        Assert.Equal(("Release of local waits for approval", Link), (card.GetProperty("title").GetString(), card.GetProperty("singleURL").GetString()));
        Assert.Contains("api green 1.5.2", card.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Feishu_gets_a_signed_interactive_card_its_bot_verifies()
    {
        const string secret = "feishu-bot-secret";
        using var project = ProjectWithChat("feishu");
        using var feishu = new FakeHttpServer(request => FeishuVerifies(request, secret)
            ? (200, """{"code":0,"msg":"success","data":{}}""")
            : (200, """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"""));

        var result = Notify(project, feishu.Url + HookPath, secret, "refused", "--link", Link);

        Assert.True(result.ExitCode == 0, result.Error);
        var request = Assert.Single(feishu.Requests);
        Assert.Equal(("POST", HookPath), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("interactive", body.RootElement.GetProperty("msg_type").GetString());
        var card = body.RootElement.GetProperty("card");
        Assert.Equal("Release of local refused by the gate", card.GetProperty("header").GetProperty("title").GetProperty("content").GetString());
        var button = card.GetProperty("elements")[1].GetProperty("actions")[0];
        Assert.Equal(("button", Link), (button.GetProperty("tag").GetString(), button.GetProperty("url").GetString()));
    }

    [Fact]
    public void A_wrong_signing_secret_is_reported_with_the_platforms_code_and_exit_1()
    {
        using var project = ProjectWithChat("dingtalk");
        using var dingtalk = new FakeHttpServer(request => DingTalkVerifies(request, "SECthe-right-one")
            ? (200, """{"errcode":0,"errmsg":"ok"}""")
            : (200, """{"errcode":310000,"errmsg":"sign not match"}"""));

        var result = Notify(project, dingtalk.Url + "/robot/send?access_token=abc", "SECa-wrong-one", "approval");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not sent: DingTalk refused the message: code 310000: sign not match.", result.Error, StringComparison.Ordinal);
        Assert.Contains("release.chat.signingSecret", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack", 400, "invalid_payload", "Slack answered HTTP 400: invalid_payload")]
    [InlineData("slack", 200, "no_text", "Slack answered \"no_text\" instead of \"ok\"")]
    [InlineData("teams", 400, "Bad Request", "Microsoft Teams answered HTTP 400: Bad Request")]
    [InlineData("feishu", 200, """{"code":9499,"msg":"Bad Request","data":{}}""", "Feishu refused the message: code 9499: Bad Request")]
    [InlineData("dingtalk", 200, "<html>gateway</html>", "DingTalk answered without its JSON result code (<html>gateway</html>)")]
    public void A_platform_that_does_not_take_the_post_fails_the_command_without_showing_the_webhook(string kind, int status, string answer, string expected)
    {
        using var project = ProjectWithChat(kind);
        using var chat = new FakeHttpServer(_ => (status, answer));

        var result = Notify(project, chat.Url + HookPath, null, "refused");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"not sent: {expected}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_webhook_fails_the_command_with_one_line()
    {
        using var project = ProjectWithChat("slack");

        var result = Notify(project, $"http://127.0.0.1:{Monitoring.LocalServer.FreePort()}{HookPath}", null, "approval");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not sent: Slack at local's release.chat.webhook is unreachable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_link_the_run_of_the_ci_environment_is_linked()
    {
        using var project = ProjectWithChat("slack");
        using var slack = new FakeHttpServer(_ => (200, "ok"));
        using var ci = ProcessEnvironment.Set(("GITHUB_SERVER_URL", "https://github.example.com"), ("GITHUB_REPOSITORY", "acme/platform"), ("GITHUB_RUN_ID", "42"));

        var result = Notify(project, slack.Url + HookPath, null, "approval");

        Assert.True(result.ExitCode == 0, result.Error);
        using var body = JsonDocument.Parse(Assert.Single(slack.Requests).Body);
        Assert.Equal(Link, body.RootElement.GetProperty("blocks")[2].GetProperty("elements")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void A_stack_without_a_chat_sends_nothing_and_passes()
    {
        using var project = new ProjectCopy(git: false);

        var result = project.Run("notify", "approval", "--stack", "local");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: local sets no release.chat.kind", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_webhook_says_how_to_hand_its_value_over()
    {
        using var project = ProjectWithChat("teams");
        File.WriteAllText(project.StackPath("local"), project.Stack("local")
            .Replace("      kind: teams\n", "      kind: teams\n      webhook:\n        secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBB\n", StringComparison.Ordinal));

        var result = project.Run("notify", "approval", "--stack", "local");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DELIVERY_release__chat__webhook=\"$(pulumi config get --path delivery-platform:release.chat.webhook --stack local)\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_is_a_usage_error()
    {
        using var project = new ProjectCopy(git: false);

        var result = project.Run("notify", "approve", "--stack", "local");

        Assert.Equal(2, result.ExitCode);
    }

    private static Dictionary<string, string> Query(RecordedRequest request) =>
        request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);

    /// <summary>What DingTalk checks: a millisecond timestamp within the hour, and sign = base64(HMAC-SHA256(key secret, "timestamp\nsecret")).</summary>
    private static bool DingTalkVerifies(RecordedRequest request, string secret)
    {
        var query = Query(request);
        if (!query.TryGetValue("timestamp", out var timestamp) || !query.TryGetValue("sign", out var sign))
            return false;
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        return age.Duration() < TimeSpan.FromHours(1) && sign == expected;
    }

    /// <summary>What Feishu checks: a second timestamp within the hour, and sign = base64(HMAC-SHA256(key "timestamp\nsecret", empty data)).</summary>
    private static bool FeishuVerifies(RecordedRequest request, string secret)
    {
        using var body = JsonDocument.Parse(request.Body);
        if (!body.RootElement.TryGetProperty("timestamp", out var timestamp) || !body.RootElement.TryGetProperty("sign", out var sign))
            return false;
        var seconds = long.Parse(timestamp.GetString()!, CultureInfo.InvariantCulture);
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes($"{seconds}\n{secret}"));
        var expected = Convert.ToBase64String(hmac.ComputeHash([]));
        return age.Duration() < TimeSpan.FromHours(1) && sign.GetString() == expected;
    }
}
