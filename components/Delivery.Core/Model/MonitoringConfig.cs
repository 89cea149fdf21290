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

/// <summary>An OpenID Connect provider the Gateway sends users to before Grafana (Envoy Gateway SecurityPolicy <c>oidc</c>).</summary>
public sealed class OidcConfig
{
    /// <summary>The provider's issuer URL (https); empty for no single sign-on.</summary>
    public string Issuer { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret, as a secret.</summary>
    public SecretValue ClientSecret { get; set; } = SecretValue.Missing;
}

/// <summary>Where alerts of each severity go; an unset receiver drops its alerts.</summary>
public sealed class AlertReceiversConfig
{
    /// <summary>On-call (pager).</summary>
    public WebhookReceiverConfig Critical { get; set; } = new();

    /// <summary>Team chat.</summary>
    public WebhookReceiverConfig Warning { get; set; } = new();

    /// <summary>Product channel (release notices).</summary>
    public WebhookReceiverConfig Info { get; set; } = new();
}

public sealed class WebhookReceiverConfig
{
    /// <summary>The webhook URL, as a secret (it usually embeds a token).</summary>
    public SecretValue WebhookUrl { get; set; } = SecretValue.Missing;
}

/// <summary>Service-level objectives; the monitoring defaults, overridable per app.</summary>
public sealed class SloConfig
{
    /// <summary>Allowed ratio of failed requests (0.001 means 99.9% succeed).</summary>
    public double? ErrorRateTarget { get; set; }

    /// <summary>95th-percentile latency budget in milliseconds.</summary>
    public int? LatencyP95Ms { get; set; }
}
