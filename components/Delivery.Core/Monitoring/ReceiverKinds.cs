using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>One config key of a receiver: plain text, or a secret that Alertmanager reads from a file.</summary>
public sealed record ReceiverField(string Key, string What, string Example, Func<AlertReceiverConfig, string>? Text, Func<AlertReceiverConfig, SecretValue>? Secret)
{
    public bool IsGiven(AlertReceiverConfig receiver) => Secret is not null ? Secret(receiver).IsSet : Text!(receiver).Length > 0;
}

/// <summary>
/// An Alertmanager integration a receiver can use: the one secret it needs (read from
/// <paramref name="Secret"/>'s file), the plain fields it needs or may take, and its block in
/// the receiver, built from the secret's file path and the severity of the alerts it takes.
/// </summary>
public sealed record ReceiverKind(
    string Name,
    ReceiverField Secret,
    IReadOnlyList<ReceiverField> Required,
    IReadOnlyList<ReceiverField> Optional,
    Func<AlertReceiverConfig, ReceiverTarget, (string Key, object Value)> Integration)
{
    public IEnumerable<ReceiverField> Fields => [Secret, .. Required, .. Optional];
}

/// <summary>Where a receiver's secret is mounted, and the severity of the alerts routed to it.</summary>
public sealed record ReceiverTarget(string SecretFile, string Severity);

/// <summary>
/// The receiver kinds, each a native Alertmanager 0.28 integration whose secret setting has a
/// <c>*_file</c> form (field names as in Alertmanager's config/notifiers.go) that the chart's
/// Prometheus Operator also knows (docs/charts: <c>alertmanagerConfigKeys</c>). Every kind notifies
/// when its alerts resolve, so a page, message or ticket is closed out too.
/// </summary>
public static class ReceiverKinds
{
    public const string Webhook = "webhook";
    public const string Slack = "slack";
    public const string MsTeams = "msteams";
    public const string PagerDuty = "pagerduty";
    public const string Opsgenie = "opsgenie";
    public const string Jira = "jira";

    public static readonly ReceiverField WebhookUrl = SecretField("webhookUrl", "webhook URL", "https://<receiver>", r => r.WebhookUrl);
    public static readonly ReceiverField Channel = TextField("channel", "Slack channel", "'#alerts'", r => r.Channel);
    public static readonly ReceiverField RoutingKey = SecretField("routingKey", "PagerDuty integration key", "<Events API v2 integration key>", r => r.RoutingKey);
    public static readonly ReceiverField ApiKey = SecretField("apiKey", "Opsgenie API key", "<API key>", r => r.ApiKey);
    public static readonly ReceiverField ApiUrl = TextField("apiUrl", "API URL", "https://<site>.atlassian.net/rest/api/2/", r => r.ApiUrl);
    public static readonly ReceiverField Project = TextField("project", "Jira project key", "OPS", r => r.Project);
    public static readonly ReceiverField IssueType = TextField("issueType", "Jira issue type", "Bug", r => r.IssueType);
    public static readonly ReceiverField User = TextField("user", "Jira user", "alerts@example.com", r => r.User);
    public static readonly ReceiverField ApiToken = SecretField("apiToken", "Jira API token", "<API token>", r => r.ApiToken);

    /// <summary>Every receiver field, for "is set but not used by this kind".</summary>
    public static readonly IReadOnlyList<ReceiverField> AllFields = [WebhookUrl, Channel, RoutingKey, ApiKey, ApiUrl, Project, IssueType, User, ApiToken];

    public static readonly IReadOnlyList<ReceiverKind> All =
    [
        new(Webhook, WebhookUrl, [], [], (_, to) => ("webhook_configs", List(Map(("url_file", to.SecretFile), ("send_resolved", true))))),
        new(Slack, WebhookUrl, [Channel], [], (r, to) => ("slack_configs", List(Map(("api_url_file", to.SecretFile), ("channel", r.Channel), ("send_resolved", true))))),
        // Teams' Workflows webhooks (the Office 365 connectors that msteams_configs posts to are retired).
        new(MsTeams, WebhookUrl, [], [], (_, to) => ("msteamsv2_configs", List(Map(("webhook_url_file", to.SecretFile), ("send_resolved", true))))),
        // PagerDuty's event severities include critical, warning and info, so ours pass through (its default is "error").
        new(PagerDuty, RoutingKey, [], [], (_, to) => ("pagerduty_configs", List(Map(
            ("routing_key_file", to.SecretFile),
            ("severity", to.Severity),
            ("send_resolved", true))))),
        new(Opsgenie, ApiKey, [], [ApiUrl], (r, to) => ("opsgenie_configs", List(Map(
            ("api_key_file", to.SecretFile),
            ("api_url", r.ApiUrl.Length > 0 ? r.ApiUrl : null),
            ("priority", OpsgeniePriority(to.Severity)),
            ("send_resolved", true))))),
        // Jira Cloud authenticates an account's API token as the basic-auth password. The integration
        // labels each ticket with the alert group, so a recurring alert updates its ticket, not a new one.
        // No send_resolved: the Prometheus Operator the chart runs (v0.82.2) decodes the config strictly
        // and its Jira type lacks the field (added in v0.85.0), so it would reject the whole config;
        // Alertmanager's Jira default is send_resolved: true, so tickets still resolve.
        new(Jira, ApiToken, [ApiUrl, Project, IssueType, User], [], (r, to) => ("jira_configs", List(Map(
            ("api_url", r.ApiUrl),
            ("project", r.Project),
            ("issue_type", r.IssueType),
            ("http_config", Map(("basic_auth", Map(("username", r.User), ("password_file", to.SecretFile))))))))),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(kind => kind.Name).ToList();

    /// <summary>The receiver's kind (webhook when not given), or null when the kind is unknown.</summary>
    public static ReceiverKind? Of(AlertReceiverConfig receiver)
    {
        var name = receiver.Kind.Length == 0 ? Webhook : receiver.Kind;
        return All.FirstOrDefault(kind => kind.Name == name);
    }

    /// <summary>A receiver takes alerts once its kind is known and its secret is set.</summary>
    public static bool IsSet(AlertReceiverConfig receiver) => Of(receiver) is { } kind && kind.Secret.Secret!(receiver).IsSet;

    /// <summary>Opsgenie's P1 (critical) to P5 (informational), by the severity the receiver takes.</summary>
    private static string OpsgeniePriority(string severity) => severity switch
    {
        AlertSeverity.Critical => "P1",
        AlertSeverity.Warning => "P3",
        _ => "P5",
    };

    private static ReceiverField TextField(string key, string what, string example, Func<AlertReceiverConfig, string> text) =>
        new(key, what, example, text, null);

    private static ReceiverField SecretField(string key, string what, string example, Func<AlertReceiverConfig, SecretValue> secret) =>
        new(key, what, example, null, secret);
}
