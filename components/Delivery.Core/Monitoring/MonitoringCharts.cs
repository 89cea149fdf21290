using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The monitoring stack's Helm releases, all in the monitoring namespace: kube-prometheus-stack
/// (Prometheus, Alertmanager, Grafana, node-exporter, kube-state-metrics), Loki in single-binary
/// mode with Grafana Alloy collecting pod logs, Tempo (single binary) behind an OpenTelemetry
/// Collector that takes the apps' OTLP, and trivy-operator. Prometheus, Loki and Tempo keep
/// <c>monitoring.retentionDays</c> of data on a volume of <c>monitoring.storageSize</c> each.
/// </summary>
public static class MonitoringCharts
{
    /// <summary>The config reloader sends SIGHUP, so Prometheus runs without <c>--web.enable-lifecycle</c>.</summary>
    public const string PrometheusReloadStrategy = "ProcessSignal";

    public const string GrafanaAdminSecret = "grafana-admin";
    public const string GrafanaAdminUserKey = "admin-user";
    public const string GrafanaAdminPasswordKey = "admin-password";

    /// <summary>Loki's single-binary Service (release <c>loki</c>), for Alloy's pushes and Grafana's queries.</summary>
    public const string LokiUrl = "http://loki.monitoring.svc:3100";

    /// <summary>Tempo's query API (the chart's default port since 1.21.1).</summary>
    public const string TempoUrl = "http://tempo.monitoring.svc:3200";

    private const string TempoOtlpGrpc = "tempo.monitoring.svc:4317";

    /// <summary>The Service the Prometheus Operator creates for every Alertmanager it runs, on Alertmanager's web port.</summary>
    public const string AlertmanagerUrl = "http://alertmanager-operated.monitoring.svc:9093";

    /// <summary>Where Loki's ruler reads rule files, one folder per tenant.</summary>
    private const string LokiRulesDirectory = "/rules";

    /// <summary>The tenant id Loki uses when <c>auth_enabled</c> is false.</summary>
    private const string LokiTenant = "fake";

    /// <summary>Where apps send OTLP over HTTP: the collector's Service (its fullname is overridden to the release name).</summary>
    public const string OtlpHttpEndpoint = "http://otel-collector.monitoring.svc:4318";

    /// <summary>What kube-state-metrics 5.33.2 collects by default, but Secrets and ConfigMaps (docs/charts/kube-state-metrics-5.33.2.yaml).</summary>
    private static readonly IReadOnlyList<string> KubeStateMetricsCollectors =
    [
        "certificatesigningrequests", "cronjobs", "daemonsets", "deployments", "endpoints", "horizontalpodautoscalers", "ingresses", "jobs",
        "leases", "limitranges", "mutatingwebhookconfigurations", "namespaces", "networkpolicies", "nodes", "persistentvolumeclaims",
        "persistentvolumes", "poddisruptionbudgets", "pods", "replicasets", "replicationcontrollers", "resourcequotas", "services",
        "statefulsets", "storageclasses", "validatingwebhookconfigurations", "volumeattachments",
    ];

    /// <summary>The uid (and gid) Loki's and Tempo's charts run their images as (their default pod security context).</summary>
    private const int GrafanaImageUser = 10001;

    /// <summary>The uid the collector-releases image declares (<c>USER 10001</c> in its Dockerfile).</summary>
    private const int CollectorImageUser = 10001;

    /// <summary>The uid trivy-operator's image declares (<c>USER 10000</c> in build/trivy-operator/Dockerfile).</summary>
    private const int TrivyOperatorUser = 10000;

    /// <summary>
    /// The trivy image declares no user, so it would run as root; image scans read registries over
    /// the network and write only their emptyDir /tmp, so they run as the uid the chart's own
    /// example gives the scan pods.
    /// </summary>
    private const int TrivyScanUser = 10000;

    /// <summary>Prometheus stops at this share of its volume, so compaction never fills the disk.</summary>
    private const decimal PrometheusVolumeShare = 0.85m;

    public static IReadOnlyList<HelmChartSpec> Render(ValidStack stack) =>
    [
        KubePrometheusStack(stack),
        Loki(stack),
        Alloy(stack.Profile),
        Tempo(stack),
        OpenTelemetryCollector(stack.Profile),
        TrivyOperator(stack.Profile),
    ];

    private static HelmChartSpec KubePrometheusStack(ValidStack stack)
    {
        var monitoring = stack.Config.Monitoring;
        var alertmanagerSpec = Map(
            ("resources", MonitoringResources.For(stack.Profile, 10, 32)),
            // The release jobs' read-only door (AlertmanagerReadApi).
            ("containers", Manifest.List(AlertmanagerReadApi.Container(stack.Profile))),
            ("volumes", AlertmanagerReadApi.Volumes()));
        if (AlertmanagerConfig.ReceiverSecret(stack.Config) is { } receiverSecret)
            alertmanagerSpec["secrets"] = Manifest.List(receiverSecret.Name);
        return new HelmChartSpec("kube-prometheus-stack", Pins.KubePrometheusStack.Chart, Pins.KubePrometheusStack.Repository, Pins.KubePrometheusStack.Version, PlatformNamespaces.Monitoring, Map(
            ("alertmanager", Map(
                // The rendered config holds no secret: receivers read their URLs, keys and tokens from the mounted Secret.
                ("config", AlertmanagerConfig.Build(stack.Config)),
                ("alertmanagerSpec", alertmanagerSpec),
                ("service", Map(("additionalPorts", AlertmanagerReadApi.ServicePorts()))))),
            // k3s runs these inside one process and managed clusters hide them: scraping them would
            // only raise "target down" alerts that never clear.
            ("kubeControllerManager", Map(("enabled", false))),
            ("kubeScheduler", Map(("enabled", false))),
            ("kubeEtcd", Map(("enabled", false))),
            ("kubeProxy", Map(("enabled", false))),
            ("kube-state-metrics", Map(
                // The pods' release labels on kube_pod_labels, for the Releases board and AppReleaseNotReady.
                ("metricLabelsAllowlist", Manifest.ListOf(ReleaseSeries.KubeStateMetricsAllowlist)),
                // The chart's default collectors less secrets and configmaps: each collector is also a
                // cluster-wide list/watch grant, and listing Secrets returns their data. No rule or
                // dashboard uses kube_secret_* or kube_configmap_*.
                ("collectors", Manifest.ListOf(KubeStateMetricsCollectors)))),
            ("prometheus", Map(("prometheusSpec", Map(
                ("retention", $"{monitoring.RetentionDays}d"),
                ("retentionSize", RetentionSize(monitoring.StorageSize)),
                ("resources", MonitoringResources.For(stack.Profile, 100, 256)),
                ("storageSpec", Map(("volumeClaimTemplate", Map(("spec", Map(
                    ("accessModes", Manifest.List("ReadWriteOnce")),
                    ("resources", Map(("requests", Map(("storage", monitoring.StorageSize))))))))))),
                // Pick up every PrometheusRule, ServiceMonitor and PodMonitor, not only this release's.
                ("ruleSelectorNilUsesHelmValues", false),
                ("serviceMonitorSelectorNilUsesHelmValues", false),
                ("podMonitorSelectorNilUsesHelmValues", false),
                // The operator turns on Prometheus' lifecycle API (/-/quit, /-/reload) for its config
                // reloader unless the reloader signals instead; the chart has no value of its own for
                // it, so it goes into the Prometheus spec through additionalConfig.
                ("additionalConfig", Map(("reloadStrategy", PrometheusReloadStrategy))))))),
            // node-exporter needs the host (hostNetwork, hostPID, hostPath): it runs in the one privileged namespace.
            ("prometheus-node-exporter", Map(("namespaceOverride", PlatformNamespaces.MonitoringAgents))),
            ("grafana", Grafana(stack))));
    }

    /// <summary>
    /// Grafana: its admin from our Secret; the sidecars read dashboard and datasource ConfigMaps in
    /// monitoring only, through <see cref="GrafanaSidecarRbac"/> (no Secret, no other namespace); no
    /// anonymous access, no self sign-up, cookies for https only, its public URL as root_url, and
    /// single sign-on with the access groups' roles where configured (<see cref="GrafanaSignIn"/>).
    /// </summary>
    private static OrderedDictionary<string, object?> Grafana(ValidStack stack)
    {
        var monitoring = stack.Config.Monitoring;
        var url = GrafanaRoute.Url(monitoring, stack.Profile);
        return Map(
            ("admin", Map(
                ("existingSecret", GrafanaAdminSecret),
                ("userKey", GrafanaAdminUserKey),
                ("passwordKey", GrafanaAdminPasswordKey))),
            ("resources", MonitoringResources.For(stack.Profile, 25, 64)),
            ("envValueFrom", GrafanaSignIn.Environment(stack.Config)),
            ("rbac", Map(("namespaced", true), ("useExistingRole", GrafanaSidecarRbac.RoleName))),
            ("sidecar", Map(
                ("dashboards", Map(
                    ("enabled", true),
                    ("label", GrafanaDashboards.SidecarLabel),
                    ("labelValue", GrafanaDashboards.SidecarLabelValue),
                    ("searchNamespace", PlatformNamespaces.Monitoring),
                    ("resource", "configmap"))),
                ("datasources", Map(("searchNamespace", PlatformNamespaces.Monitoring), ("resource", "configmap"))))),
            ("grafana.ini", Map(
                ("server", url.Length == 0 ? null : Map(("root_url", url))),
                // Signed in through the provider, no one needs the password form (the admin keeps the API).
                ("auth", GrafanaSignIn.IsOn(stack.Config) ? Map(("disable_login_form", true)) : null),
                ("auth.anonymous", Map(("enabled", false))),
                ("auth.generic_oauth", GrafanaSignIn.Settings(stack.Config)),
                ("users", Map(("allow_sign_up", false), ("allow_org_create", false))),
                // No calls home: Grafana's only egress beyond the data sources is the API server's port.
                ("analytics", Map(("check_for_updates", false), ("check_for_plugin_updates", false), ("reporting_enabled", false))),
                ("security", Map(
                    ("cookie_secure", !stack.Profile.ServesPlainHttp),
                    ("cookie_samesite", "lax"),
                    ("disable_gravatar", true),
                    ("strict_transport_security", !stack.Profile.ServesPlainHttp))))),
            ("additionalDataSources", GrafanaDatasources.Additional()),
            // The chart's Helm test pod (bats) is no part of a running platform.
            ("testFramework", Map(("enabled", false))));
    }

    private static HelmChartSpec Loki(ValidStack stack) =>
        new("loki", Pins.Loki.Chart, Pins.Loki.Repository, Pins.Loki.Version, PlatformNamespaces.Monitoring, Map(
            ("deploymentMode", "SingleBinary"),
            // The chart's cluster-wide grant on ConfigMaps and Secrets goes; LokiRulesRbac gives the sidecar ConfigMaps in monitoring.
            ("rbac", Map(("namespaced", true))),
            ("loki", Map(
                // The chart's own pod context plus the runtime's seccomp profile, so monitoring can
                // enforce restricted (its container context already drops ALL, read-only root).
                ("podSecurityContext", PodDefaults.RestrictedPod(GrafanaImageUser, GrafanaImageUser, GrafanaImageUser)),
                // One tenant: the cluster. Loki is reachable only inside the monitoring namespace's policies.
                ("auth_enabled", false),
                // Loki 3.4 reports usage to stats.grafana.org by default; its pod may not reach the internet.
                ("analytics", Map(("reporting_enabled", false))),
                ("commonConfig", Map(("replication_factor", 1))),
                ("storage", Map(("type", "filesystem"))),
                ("schemaConfig", Map(("configs", Manifest.List(Map(
                    ("from", "2024-04-01"),
                    ("store", "tsdb"),
                    ("object_store", "filesystem"),
                    ("schema", "v13"),
                    ("index", Map(("prefix", "loki_index_"), ("period", "24h")))))))),
                // Deletes off: the compactor would otherwise take delete requests from any client
                // that reaches Loki (retention still applies).
                ("limits_config", Map(("retention_period", Hours(stack.Config.Monitoring.RetentionDays)), ("deletion_mode", "disabled"))),
                // Retention is applied by the compactor, which needs a store for delete requests.
                ("compactor", Map(("retention_enabled", true), ("delete_request_store", "filesystem"))),
                // The ruler evaluates the apps' log alerts (LogQL) and sends them to the platform's Alertmanager.
                ("rulerConfig", Map(
                    ("storage", Map(("type", "local"), ("local", Map(("directory", LokiRulesDirectory))))),
                    ("rule_path", "/var/loki/rules-temp"),
                    ("alertmanager_url", AlertmanagerUrl),
                    // Alertmanager 0.27+ serves only its v2 API.
                    ("enable_alertmanager_v2", true),
                    // The rules come from ConfigMaps only; no one edits or lists them over HTTP
                    // (their alerts still show in Alertmanager).
                    ("enable_api", false))))),
            // The chart's sidecar copies ConfigMaps labelled loki_rule into the ruler's directory for the
            // single tenant (auth is off, so Loki names it "fake"); it reads ConfigMaps only, in this namespace.
            ("sidecar", Map(("rules", Map(
                ("enabled", true),
                ("label", LogAlertRules.SidecarLabel),
                ("labelValue", LogAlertRules.SidecarLabelValue),
                ("folder", $"{LokiRulesDirectory}/{LokiTenant}"),
                ("resource", "configmap"))))),
            ("singleBinary", Map(
                ("replicas", 1),
                ("resources", MonitoringResources.For(stack.Profile, 50, 128)),
                ("persistence", Map(("enabled", true), ("size", stack.Config.Monitoring.StorageSize))))),
            // Single-binary mode: no simple-scalable targets, gateway, caches, canary or its Helm test.
            ("read", Map(("replicas", 0))),
            ("write", Map(("replicas", 0))),
            ("backend", Map(("replicas", 0))),
            ("gateway", Map(("enabled", false))),
            ("chunksCache", Map(("enabled", false))),
            ("resultsCache", Map(("enabled", false))),
            ("lokiCanary", Map(("enabled", false))),
            ("test", Map(("enabled", false)))));

    /// <summary>Alloy reads every node's /var/log/pods from the host, so it runs in the privileged monitoring-agents namespace.</summary>
    private static HelmChartSpec Alloy(TierProfile profile) =>
        new("alloy", Pins.Alloy.Chart, Pins.Alloy.Repository, Pins.Alloy.Version, PlatformNamespaces.MonitoringAgents, Map(
            ("alloy", Map(
                ("configMap", Map(("content", AlloyLogPipeline.Render(LokiUrl)))),
                ("mounts", Map(("varlog", true))),
                ("enableReporting", false),
                ("resources", MonitoringResources.For(profile, 25, 32)))),
            // One collector per node, reading that node's pod log files.
            ("controller", Map(("type", "daemonset"))),
            // The chart's ClusterRole reads every Secret; AlloyRbac grants the pods it needs instead.
            ("rbac", Map(("create", false)))));

    private static HelmChartSpec Tempo(ValidStack stack) =>
        new("tempo", Pins.Tempo.Chart, Pins.Tempo.Repository, Pins.Tempo.Version, PlatformNamespaces.Monitoring, Map(
            ("tempo", Map(
                ("retention", Hours(stack.Config.Monitoring.RetentionDays)),
                ("reportingEnabled", false),
                // The chart's default 1024 MB ballast makes the Go GC wait until about twice that: far
                // past our memory limits, so Tempo would be OOM-killed under trace load.
                ("memBallastSizeMbs", 0),
                ("resources", MonitoringResources.For(stack.Profile, 50, 128)),
                // It writes only to its /var/tempo volume (the metrics generator, which needs /tmp, is off).
                ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: true)))),
            // The chart's pod context (uid 10001) plus seccomp, so monitoring can enforce restricted.
            ("securityContext", PodDefaults.RestrictedPod(GrafanaImageUser, GrafanaImageUser, GrafanaImageUser)),
            ("persistence", Map(("enabled", true), ("size", stack.Config.Monitoring.StorageSize)))));

    private static HelmChartSpec OpenTelemetryCollector(TierProfile profile) =>
        new("otel-collector", Pins.OpenTelemetryCollector.Chart, Pins.OpenTelemetryCollector.Repository, Pins.OpenTelemetryCollector.Version, PlatformNamespaces.Monitoring, Map(
            ("fullnameOverride", "otel-collector"),
            ("mode", "deployment"),
            ("replicaCount", 1),
            ("image", Map(("repository", Pins.OpenTelemetryCollector.ImageRepository))),
            ("command", Map(("name", "otelcol-k8s"))),
            ("resources", MonitoringResources.For(profile, 25, 64)),
            // The chart sets no security context; ours is restricted. The collector keeps no state on disk.
            ("podSecurityContext", PodDefaults.RestrictedPod(CollectorImageUser, CollectorImageUser)),
            ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: true)),
            ("config", Map(
                // Only the traces pipeline is ours: OTLP in, Tempo out. Helm replaces lists, so its receivers
                // are exactly these. The chart's default metrics and logs pipelines stay (debug exporter
                // only): removing them needs null values, which Pulumi drops from chart values.
                ("exporters", Map(("otlp/tempo", Map(("endpoint", TempoOtlpGrpc), ("tls", Map(("insecure", true))))))),
                ("service", Map(("pipelines", Map(
                    ("traces", Map(
                        ("receivers", Manifest.List("otlp")),
                        ("processors", List("memory_limiter", "batch")),
                        ("exporters", Manifest.List("otlp/tempo"))))))))))));

    private static HelmChartSpec TrivyOperator(TierProfile profile) =>
        new("trivy-operator", Pins.TrivyOperator.Chart, Pins.TrivyOperator.Repository, Pins.TrivyOperator.Version, PlatformNamespaces.Monitoring, Map(
            // Its metrics (trivy_image_vulnerabilities) feed the vulnerability alert. The chart renders its
            // ServiceMonitor only when the cluster already serves the CRD, so a first preview would lack it:
            // TrivyOperatorMetrics renders one always.
            ("serviceMonitor", Map(("enabled", false))),
            // The infra assessment's node-collector Jobs need hostPID, root and hostPaths, which monitoring's
            // Pod Security level refuses: they would wait forever.
            ("operator", Map(("infraAssessmentScannerEnabled", false))),
            // The chart's containers (operator and scan Jobs) already drop ALL and forbid escalation;
            // the pods add non-root and seccomp, so monitoring can enforce restricted. The operator
            // uses the scan pods' context as their whole pod security context.
            ("podSecurityContext", PodDefaults.RestrictedPod(TrivyOperatorUser, TrivyOperatorUser, TrivyOperatorUser)),
            ("trivyOperator", Map(("scanJobPodTemplatePodSecurityContext", PodDefaults.RestrictedPod(TrivyScanUser, TrivyScanUser)))),
            ("resources", MonitoringResources.For(profile, 25, 128))));

    /// <summary>Prometheus' <c>retentionSize</c> (base-2 units) as a share of the volume.</summary>
    private static string RetentionSize(string storageSize)
    {
        var bytes = Quantities.Require(storageSize);
        var mebibytes = Math.Floor(bytes * PrometheusVolumeShare / (1024 * 1024));
        return mebibytes.ToString(CultureInfo.InvariantCulture) + "MB";
    }

    /// <summary>In long: validation bounds the days (<c>Validation.Bounds.RetentionDays</c>), and no int of days wraps.</summary>
    private static string Hours(int days) => (days * 24L).ToString(CultureInfo.InvariantCulture) + "h";
}
