using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>
/// The container registry component. <c>docker</c>: nothing in the cluster (the local container is
/// the cluster's concern and needs no credentials). <c>external</c>: only the pull and push Secrets.
/// <c>in-cluster</c>: the distribution registry in its namespace (created, at Pod Security
/// "restricted", by the cluster baseline) behind the cluster Gateway, with generated htpasswd
/// passwords for a pull and a push user, weekly garbage collection, and the same Secrets.
/// </summary>
public static class RegistryRenderer
{
    public const string Component = "registry";
    public const string ServiceName = "registry";

    public static ComponentRendering Render(ValidStack stack)
    {
        var credentials = RegistryCredentials.Secrets(stack.Config);
        if (stack.Config.Registry.Kind != RegistryMode.InCluster)
            return new ComponentRendering(Component, [], [], credentials, []);
        var htpasswd = new SecretSpec(RegistryPod.HtpasswdSecretName, PlatformNamespaces.Registry, "Opaque", Labels(RegistryPod.HtpasswdSecretName),
            [new SecretEntry(RegistryFileLayout.HtpasswdFileName, RegistryCredentials.Htpasswd(stack.Config.Registry))]);
        return new ComponentRendering(Component,
            [
                ConfigMap(),
                DataClaim(stack.Config.Registry),
                RegistryDeployment.Render(stack.Profile),
                Service(),
                Route(stack.Config.Registry, stack.Profile),
            ],
            [],
            [htpasswd, .. credentials],
            [new GeneratedPassword(RegistryCredentials.PullPasswordName), new GeneratedPassword(RegistryCredentials.PasswordName)]);
    }

    private static KubernetesObject ConfigMap() =>
        Manifest.Object("v1", "ConfigMap", RegistryPod.ConfigMapName, PlatformNamespaces.Registry, Labels(RegistryPod.ConfigMapName),
            ("data", Map((RegistryFileLayout.ConfigFileName, RegistryConfigFile.Render(RegistryFileLayout.InCluster)))));

    private static KubernetesObject DataClaim(RegistryConfig registry) =>
        Manifest.Object("v1", "PersistentVolumeClaim", RegistryPod.DataClaimName, PlatformNamespaces.Registry, Labels(RegistryPod.DataClaimName),
            ("spec", Map(
                ("accessModes", List("ReadWriteOnce")),
                ("resources", Map(("requests", Map(("storage", registry.StorageSize))))))));

    private static KubernetesObject Service() =>
        Manifest.Object("v1", "Service", ServiceName, PlatformNamespaces.Registry, Labels(ServiceName),
            ("spec", Map(
                ("type", "ClusterIP"),
                ("selector", Strings(RegistryDeployment.Selector())),
                ("ports", List(
                    Map(("name", "http"), ("port", RegistryFileLayout.HttpPort), ("targetPort", "http"), ("protocol", "TCP")),
                    Map(("name", "metrics"), ("port", RegistryFileLayout.MetricsPort), ("targetPort", "metrics"), ("protocol", "TCP")))))));

    /// <summary>
    /// Pushes and pulls reach the registry on its host through the cluster Gateway. A request may
    /// take an hour (a large layer takes longer than a gateway's default to upload), but not for
    /// ever: a stalled client cannot hold a proxy connection open indefinitely.
    /// </summary>
    private static KubernetesObject Route(RegistryConfig registry, TierProfile profile) =>
        Manifest.Object("gateway.networking.k8s.io/v1", "HTTPRoute", ServiceName, PlatformNamespaces.Registry, Labels(ServiceName),
            ("spec", Map(
                ("parentRefs", List(Network.ClusterGateway.ParentRef(profile, registry.Host))),
                ("hostnames", List(registry.Host)),
                ("rules", List(Map(
                    ("matches", List(Map(("path", Map(("type", "PathPrefix"), ("value", "/")))))),
                    ("filters", Network.StrictTransportSecurity.Filters(profile)),
                    ("backendRefs", List(Map(("name", ServiceName), ("port", RegistryFileLayout.HttpPort)))),
                    ("timeouts", Map(("request", RequestTimeout)))))))));

    public const string RequestTimeout = "1h";

    private static SortedDictionary<string, string> Labels(string name) => StandardLabels.Shared(name, Component);
}
