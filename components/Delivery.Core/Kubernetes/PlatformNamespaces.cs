namespace Delivery.Core.Kubernetes;

/// <summary>The namespaces the platform creates; one concern each, so policies stay per concern.</summary>
public static class PlatformNamespaces
{
    public const string Apps = "apps";
    public const string Gateway = "gateway";
    public const string Registry = "registry";
    public const string Ci = "ci";

    /// <summary>
    /// The release runners and their job pods, service accounts, Secrets (the registry push
    /// credential, the release runner's CI credential) and, for GitHub, their own ARC controller and
    /// listener: apart from ci, so the default (pull request) runners' Role there reaches none of them.
    /// </summary>
    public const string CiRelease = "ci-release";

    /// <summary>The CI controllers (ARC's controller and listeners, GitLab's runner manager): they hold the CI service's credentials, apart from the job pods.</summary>
    public const string CiControl = "ci-control";
    public const string Monitoring = "monitoring";

    /// <summary>The node agents that need the host (node-exporter, the log collector): the only privileged namespace.</summary>
    public const string MonitoringAgents = "monitoring-agents";
}
