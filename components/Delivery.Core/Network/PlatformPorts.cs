namespace Delivery.Core.Network;

/// <summary>
/// The container ports the namespace-level network policies open. Each is the upstream default of
/// the service named; the components that deploy those services must keep them.
/// </summary>
public static class PlatformPorts
{
    /// <summary>Envoy Gateway maps a privileged listener port p to p + 10000 so the proxy runs unprivileged.</summary>
    public const int EnvoyHttp = 10080;
    public const int EnvoyHttps = 10443;

    /// <summary>Envoy proxy <c>/stats/prometheus</c> and the Envoy Gateway controller's metrics.</summary>
    public const int EnvoyMetrics = 19001;

    /// <summary>The controller's xDS server, which the proxies connect to.</summary>
    public const int EnvoyGatewayXds = 18000;

    /// <summary>The controller's Wasm module cache, which the proxies fetch from.</summary>
    public const int EnvoyGatewayWasm = 18002;

    /// <summary>The controller's topology-injector admission webhook, called by the API server.</summary>
    public const int EnvoyGatewayWebhook = 9443;

    /// <summary>The Prometheus Operator's HTTPS port, where the API server calls its PrometheusRule admission webhooks.</summary>
    public const int PrometheusOperatorWebhook = 10250;

    /// <summary>The distribution registry's API and its debug server (<c>/metrics</c>).</summary>
    public const int Registry = 5000;
    public const int RegistryMetrics = 5001;

    /// <summary>Actions Runner Controller's controller and listener metrics (<c>metrics.*Addr: ":8080"</c>).</summary>
    public const int ArcMetrics = 8080;

    /// <summary>GitLab Runner's Prometheus metrics.</summary>
    public const int GitLabRunnerMetrics = 9252;

    public const int Grafana = 3000;

    /// <summary>Alertmanager's API, where Loki's ruler posts the log alerts.</summary>
    public const int Alertmanager = 9093;

    /// <summary>Prometheus' HTTP API, which Grafana queries.</summary>
    public const int Prometheus = 9090;

    /// <summary>Tempo's HTTP API, which Grafana queries for traces.</summary>
    public const int Tempo = 3200;

    /// <summary>Loki's HTTP API (pushes and queries).</summary>
    public const int Loki = 3100;

    /// <summary>OTLP over gRPC and over HTTP: apps export traces to the collector in monitoring.</summary>
    public const int OtlpGrpc = 4317;
    public const int OtlpHttp = 4318;

    /// <summary>Node endpoints Prometheus scrapes: the kubelet (cAdvisor) and node-exporter on the host network.</summary>
    public const int Kubelet = 10250;
    public const int NodeExporter = 9100;

    /// <summary>CoreDNS metrics in kube-system.</summary>
    public const int CoreDnsMetrics = 9153;

    public const int Dns = 53;

    /// <summary>The API server: 443 on the <c>kubernetes</c> Service, 6443 on the node (k3s, kubeadm) after DNAT.</summary>
    public const int KubeApi = 443;
    public const int KubeApiNode = 6443;
}
