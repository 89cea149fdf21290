using Pulumi;

namespace Delivery.Components;

/// <summary>Metrics, logs, traces, dashboards, alerting and image scanning.</summary>
public sealed class Monitoring : RenderedComponent
{
    public Monitoring(string name, MonitoringArgs args, ComponentResourceOptions? options = null)
        : base("delivery:monitoring:Monitoring", name, args.Resources, options)
    {
        GrafanaUrl = Output.Create(args.GrafanaUrl);
        RegisterOutputs(new Dictionary<string, object?> { ["grafanaUrl"] = GrafanaUrl });
    }

    /// <summary>Where Grafana is served; empty when it has no host.</summary>
    [Output("grafanaUrl")]
    public Output<string> GrafanaUrl { get; private set; }
}

public sealed record MonitoringArgs(RenderedComponentArgs Resources, string GrafanaUrl);
