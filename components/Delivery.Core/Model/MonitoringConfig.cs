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

    public AlertReceiversConfig Receivers { get; set; } = new();

    public SloConfig Slo { get; set; } = new();
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
