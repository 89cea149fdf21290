namespace Delivery.Core.Model;

/// <summary>Metrics, logs, traces, dashboards and alerts.</summary>
public sealed class MonitoringConfig
{
    public bool Enabled { get; set; } = true;

    public int RetentionDays { get; set; }

    /// <summary>Volume size for each of Prometheus, Loki and Tempo.</summary>
    public string StorageSize { get; set; } = "";

    /// <summary>Optional host name for Grafana on the cluster Gateway.</summary>
    public string GrafanaHost { get; set; } = "";

    /// <summary>Client networks (CIDRs) allowed to reach Grafana's host; empty allows any (see <see cref="GrafanaOidc"/>).</summary>
    public List<string> GrafanaAllowedCidrs { get; set; } = [];

    /// <summary>Single sign-on in front of Grafana, at the Gateway.</summary>
    public OidcConfig GrafanaOidc { get; set; } = new();

    public AlertReceiversConfig Receivers { get; set; } = new();

    public SloConfig Slo { get; set; } = new();
}

/// <summary>Where alerts of each severity go, and where log alerts file tickets; an unset receiver drops its alerts.</summary>
public sealed class AlertReceiversConfig
{
    /// <summary>On-call (pager).</summary>
    public AlertReceiverConfig Critical { get; set; } = new();

    /// <summary>Team chat.</summary>
    public AlertReceiverConfig Warning { get; set; } = new();

    /// <summary>Product channel (release notices).</summary>
    public AlertReceiverConfig Info { get; set; } = new();

    /// <summary>The issue tracker that log alerts file tickets in; unset sends them to team chat.</summary>
    public AlertReceiverConfig Tracker { get; set; } = new();
}

/// <summary>
/// One receiver: its <see cref="Kind"/> (an Alertmanager integration) and that kind's fields. Tokens,
/// keys and webhook URLs are secrets; Alertmanager reads them from files, never from its config.
/// </summary>
public sealed class AlertReceiverConfig
{
    /// <summary>webhook (the default), slack, msteams, pagerduty, opsgenie or jira.</summary>
    public string Kind { get; set; } = "";

    /// <summary>webhook, slack, msteams: the URL to post to (it embeds a token).</summary>
    public SecretValue WebhookUrl { get; set; } = SecretValue.Missing;

    /// <summary>slack: the channel (#alerts) or user (@oncall) to post to.</summary>
    public string Channel { get; set; } = "";

    /// <summary>pagerduty: the Events API v2 integration key of the service.</summary>
    public SecretValue RoutingKey { get; set; } = SecretValue.Missing;

    /// <summary>opsgenie: the API key of the integration.</summary>
    public SecretValue ApiKey { get; set; } = SecretValue.Missing;

    /// <summary>jira: the REST API base (https://acme.atlassian.net/rest/api/2/); opsgenie: another region's API (https://api.eu.opsgenie.com/).</summary>
    public string ApiUrl { get; set; } = "";

    /// <summary>jira: the project key tickets are filed in (OPS).</summary>
    public string Project { get; set; } = "";

    /// <summary>jira: the issue type of the tickets (Bug, Task).</summary>
    public string IssueType { get; set; } = "";

    /// <summary>jira: the account that files tickets (the e-mail address on Jira Cloud).</summary>
    public string User { get; set; } = "";

    /// <summary>jira: that account's API token.</summary>
    public SecretValue ApiToken { get; set; } = SecretValue.Missing;
}

/// <summary>Service-level objectives; the monitoring defaults, overridable per app.</summary>
public sealed class SloConfig
{
    /// <summary>Allowed ratio of failed requests (0.001 means 99.9% succeed).</summary>
    public double? ErrorRateTarget { get; set; }

    /// <summary>95th-percentile latency budget in milliseconds.</summary>
    public int? LatencyP95Ms { get; set; }
}
