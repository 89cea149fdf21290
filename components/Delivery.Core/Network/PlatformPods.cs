namespace Delivery.Core.Network;

/// <summary>
/// The labels the charts and controllers put on the pods that network policies single out, each
/// from the template or code that sets it, so a policy selects exactly the pods that need a flow.
/// </summary>
public static class PlatformPods
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string ComponentLabel = "app.kubernetes.io/component";

    /// <summary>The label CoreDNS pods carry (k3s, kubeadm and the managed clusters alike).</summary>
    public static readonly IReadOnlyDictionary<string, string> KubeDns = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" };

    /// <summary>Envoy Gateway's proxy pods (the labels its infrastructure manager puts on them).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvoyProxy = new Dictionary<string, string>
    {
        [ComponentLabel] = "proxy",
        ["app.kubernetes.io/managed-by"] = "envoy-gateway",
        [NameLabel] = "envoy",
    };

    /// <summary>The Envoy Gateway controller's pods (the chart's <c>control-plane</c> label).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvoyGateway = new Dictionary<string, string> { ["control-plane"] = "envoy-gateway" };

    /// <summary>Envoy Gateway's certgen Job pods (templates/certgen.yaml: <c>app: certgen</c>), which write the controller's TLS Secrets.</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvoyGatewayCertgen = new Dictionary<string, string> { ["app"] = "certgen" };

    /// <summary>ARC's ephemeral runner pods (its resource builder sets <c>app.kubernetes.io/component: runner</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> ArcRunner = new Dictionary<string, string> { [ComponentLabel] = "runner" };

    /// <summary>ARC's controller pods (the controller chart's <c>app.kubernetes.io/name</c> and <c>component</c> labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> ArcController = new Dictionary<string, string>
    {
        [NameLabel] = "gha-rs-controller",
        [ComponentLabel] = "controller-manager",
    };

    /// <summary>ARC's listener pods, one per scale set (the labels the controller gives them).</summary>
    public static readonly IReadOnlyDictionary<string, string> ArcListener = new Dictionary<string, string>
    {
        ["app.kubernetes.io/part-of"] = "gha-runner-scale-set",
        [ComponentLabel] = "runner-scale-set-listener",
    };

    /// <summary>The job pods of the release runners: the label their job template (GitHubRunners) or executor config (GitLabRunners) gives them, in ci-release.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReleaseJobs = new Dictionary<string, string> { ["delivery-platform/runner-set"] = "release" };

    /// <summary>Prometheus server pods (the Prometheus Operator's <c>app.kubernetes.io/name: prometheus</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Prometheus = new Dictionary<string, string> { [NameLabel] = "prometheus" };

    /// <summary>
    /// The Prometheus Operator, which also serves the PrometheusRule admission webhooks: its Service's
    /// selector (the chart's admission Jobs share its name label, not this one).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PrometheusOperator = new Dictionary<string, string> { ["app"] = "kube-prometheus-stack-operator" };

    /// <summary>Alertmanager pods (the Prometheus Operator's <c>app.kubernetes.io/name: alertmanager</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Alertmanager = new Dictionary<string, string> { [NameLabel] = "alertmanager" };

    /// <summary>Grafana (the grafana chart's selector labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> Grafana = new Dictionary<string, string> { [NameLabel] = "grafana" };

    /// <summary>Loki's single binary (the loki chart's selector labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> Loki = new Dictionary<string, string> { [NameLabel] = "loki" };

    /// <summary>Tempo, the trace store (the tempo chart's selector labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> Tempo = new Dictionary<string, string> { [NameLabel] = "tempo" };

    /// <summary>The OpenTelemetry collector, where the apps send traces (the chart's selector labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> OtelCollector = new Dictionary<string, string> { [NameLabel] = "opentelemetry-collector" };

    /// <summary>Grafana Alloy, the log collector (the alloy chart's selector labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> Alloy = new Dictionary<string, string> { [NameLabel] = "alloy" };

    /// <summary>trivy-operator and its scan jobs, which fetch the vulnerability database and the images they scan.</summary>
    public static readonly IReadOnlyDictionary<string, string> TrivyOperator = new Dictionary<string, string> { [NameLabel] = "trivy-operator" };

    /// <summary>trivy-operator's scan Job pods (it labels what it manages <c>app.kubernetes.io/managed-by: trivy-operator</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> TrivyScanJobs = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "trivy-operator" };

    /// <summary>
    /// Monitoring pods that keep data or only receive it and get no namespace-wide API access: Loki
    /// (every pod's logs; its own policy lets its rules sidecar call the API), Tempo, the OTel
    /// collector, and Alertmanager.
    /// </summary>
    public static readonly IReadOnlyList<string> MonitoringStores = ["alertmanager", "loki", "opentelemetry-collector", "tempo"];
}
