namespace Delivery.Core.Tests.Validation;

/// <summary><c>release.chat</c>: a known kind, a webhook given as a secret, a signing secret only where the robot signs.</summary>
public sealed class ChatRulesTests
{
    private static Dictionary<string, string> Secrets(params (string Key, string Value)[] extra)
    {
        var secrets = TestConfigs.Secrets();
        foreach (var (key, value) in extra)
            secrets[key] = value;
        return secrets;
    }

    [Theory]
    [InlineData("slack", null)]
    [InlineData("teams", null)]
    [InlineData("dingtalk", "SEC123")]
    [InlineData("feishu", "feishu-secret")]
    public void Each_kind_with_an_https_webhook_given_as_a_secret_is_valid(string kind, string? signingSecret)
    {
        var secrets = Secrets(("release:chat:webhook", "https://chat.example.com/hook/abc"));
        if (signingSecret is not null)
            secrets["release:chat:signingSecret"] = signingSecret;

        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", kind)), secrets);

        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        Assert.Equal(kind, loaded.Config.Release.Chat.Kind);
    }

    [Fact]
    public void An_unknown_kind_is_named_with_the_closest_known_one()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", "slak")), Secrets(("release:chat:webhook", "https://chat.example.com/hook")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.chat.kind", problem.Key);
        Assert.Equal("slak", problem.Value);
        Assert.Contains("slack, teams, dingtalk, feishu", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"slack\"? pulumi config set --path delivery-platform:release.chat.kind slack.", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_in_plain_text_is_refused_without_showing_it()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", "slack"), ("release:chat:webhook", "https://hooks.example.com/T0/B0/token")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.chat.webhook", problem.Key);
        Assert.Null(problem.Value);
        Assert.Contains("plain text", problem.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret --path delivery-platform:release.chat.webhook", problem.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("token", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_without_a_webhook_is_an_error_under_pulumi_and_a_warning_offline()
    {
        var online = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", "teams")));
        var offline = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", "teams")), offline: true);

        Assert.Equal("delivery-platform:release.chat.webhook", Assert.Single(online.Errors).Key);
        Assert.Contains(offline.Warnings, p => p.Key == "delivery-platform:release.chat.webhook" && p.Fix.Contains("pulumi config set --secret --path delivery-platform:release.chat.webhook", StringComparison.Ordinal));
        Assert.DoesNotContain(offline.Errors, p => p.Key.StartsWith("delivery-platform:release.chat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_webhook_that_is_not_https_is_refused_outside_the_local_tier()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", "feishu")), Secrets(("release:chat:webhook", "http://open.feishu.example/hook")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.chat.webhook", problem.Key);
        Assert.Contains("not an https URL", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_secret_for_a_kind_that_does_not_sign_is_refused()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("release:chat:kind", "slack")),
            Secrets(("release:chat:webhook", "https://hooks.example.com/x"), ("release:chat:signingSecret", "SEC1")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.chat.signingSecret", problem.Key);
        Assert.Contains("only dingtalk and feishu", problem.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config rm --path delivery-platform:release.chat.signingSecret", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_without_a_kind_is_refused_with_the_kinds()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev(), Secrets(("release:chat:webhook", "https://hooks.example.com/x")));

        var problem = Assert.Single(loaded.Errors);
        Assert.Equal("delivery-platform:release.chat.webhook", problem.Key);
        Assert.Contains("release.chat.kind is not", problem.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --path delivery-platform:release.chat.kind <slack|teams|dingtalk|feishu>", problem.Fix, StringComparison.Ordinal);
    }
}
