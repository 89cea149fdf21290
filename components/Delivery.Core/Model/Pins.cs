namespace Delivery.Core.Model;

/// <summary>
/// Every chart and image the platform pins, one class per integration (as .NET Aspire keeps each
/// integration's image tags in one class): an upgrade is an edit here, plus the chart's notes in
/// docs/charts/ (named chart-version), which the chart facts tests read.
/// </summary>
public static class Pins
{
    private const string PrometheusCommunityCharts = "https://prometheus-community.github.io/helm-charts";
    private const string GrafanaCharts = "https://grafana.github.io/helm-charts";

    public static class KubePrometheusStack
    {
        public const string Repository = PrometheusCommunityCharts;
        public const string Chart = "kube-prometheus-stack";
        public const string Version = "72.9.1";
    }

    public static class Loki
    {
        public const string Repository = GrafanaCharts;
        public const string Chart = "loki";
        public const string Version = "6.29.0";
    }

    public static class Alloy
    {
        public const string Repository = GrafanaCharts;
        public const string Chart = "alloy";
        public const string Version = "0.12.5";
    }

    public static class Tempo
    {
        public const string Repository = GrafanaCharts;
        public const string Chart = "tempo";
        public const string Version = "1.24.1";
    }

    public static class OpenTelemetryCollector
    {
        public const string Repository = "https://open-telemetry.github.io/opentelemetry-helm-charts";
        public const string Chart = "opentelemetry-collector";
        public const string Version = "0.158.2";

        /// <summary>The chart names no image by default; the k8s distribution is the one built for the cluster.</summary>
        public const string ImageRepository = "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-k8s";
    }

    public static class TrivyOperator
    {
        public const string Repository = "https://aquasecurity.github.io/helm-charts/";
        public const string Chart = "trivy-operator";
        public const string Version = "0.28.1";
    }

    /// <summary>An OCI chart: <see cref="Chart"/> is its full reference, and the repository is empty.</summary>
    public static class EnvoyGateway
    {
        public const string Chart = "oci://docker.io/envoyproxy/gateway-helm";

        /// <summary>v1.6 supports Kubernetes 1.30–1.33 and Gateway API v1.4, which covers k3s v1.33.</summary>
        public const string Version = "v1.6.3";
    }

    public static class GitLabRunner
    {
        public const string Repository = "https://charts.gitlab.io";
        public const string Chart = "gitlab-runner";
        public const string Version = "0.84.1";

        /// <summary>The image a job runs in when its <c>.gitlab-ci.yml</c> names none.</summary>
        public const string DefaultJobImage = "docker.io/library/alpine:3.20";
    }

    /// <summary>Actions Runner Controller: OCI charts, each referenced as <c>Repository/chart</c>.</summary>
    public static class GitHubActionsRunners
    {
        public const string Repository = "oci://ghcr.io/actions/actions-runner-controller-charts";
        public const string ControllerChart = "gha-runner-scale-set-controller";
        public const string ScaleSetChart = "gha-runner-scale-set";
        public const string Version = "0.13.0";
        public const string RunnerImage = "ghcr.io/actions/actions-runner:2.329.0";
    }

    /// <summary>Registry 2.8, the release line whose config schema the tests check with the real binary; in the cluster and beside local k3s alike.</summary>
    public static class Registry
    {
        public const string Image = "docker.io/library/registry:2.8.3";
    }

    /// <summary>The local cluster's default k3s server image (cluster.k3s.image and cluster.k3s.version override it).</summary>
    public static class K3s
    {
        public const string Image = "rancher/k3s";
        public const string Version = "v1.33.5-k3s1";
    }
}
