using Delivery.Core.Kubernetes;

namespace Delivery.Core.Monitoring;

/// <summary>
/// What Loki's rules sidecar may read: the log-alert ConfigMaps in monitoring, nothing else. The
/// loki chart binds its ServiceAccount cluster-wide to get/list/watch on ConfigMaps and Secrets
/// whenever the rules sidecar is on; with <c>rbac.namespaced</c> it renders no Role at all, so the
/// platform binds the ServiceAccount to this one (docs/charts/loki-6.29.0.yaml). The sidecar
/// watches its own namespace by default, which is where the rules are.
/// </summary>
public static class LokiRulesRbac
{
    public const string RoleName = "loki-rules-sidecar";

    /// <summary>The chart's ServiceAccount: its fullname, the release name <c>loki</c>.</summary>
    public const string ServiceAccount = "loki";

    public static IReadOnlyList<KubernetesObject> Render() => [ConfigMapReaderRole.Role(RoleName), ConfigMapReaderRole.Binding(RoleName, ServiceAccount)];
}
