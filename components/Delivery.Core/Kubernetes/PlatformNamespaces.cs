namespace Delivery.Core.Kubernetes;

/// <summary>The namespaces the platform creates; one concern each, so policies stay per concern.</summary>
public static class PlatformNamespaces
{
    public const string Apps = "apps";
    public const string Gateway = "gateway";
    public const string Registry = "registry";
    public const string Ci = "ci";

    /// <summary>The CI controllers (ARC's controller and listeners, GitLab's runner manager): they hold the CI service's credentials, apart from the job pods.</summary>
    public const string CiControl = "ci-control";
    public const string Monitoring = "monitoring";

    /// <summary>The node agents that need the host (node-exporter, the log collector): the only privileged namespace.</summary>
    public const string MonitoringAgents = "monitoring-agents";
}
