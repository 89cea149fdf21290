using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Release;

namespace Delivery.Core.Registry;

/// <summary>
/// Who pulls and pushes, with which password, and the Secrets that carry it. The local Docker
/// registry has no authentication (it listens on loopback and k3s reaches it on its Docker network),
/// so it needs no credentials at all: image pulls and pushes there go without a Secret.
/// </summary>
public static class RegistryCredentials
{
    public const string DefaultUser = "delivery";

    /// <summary>The in-cluster registry's password: generated once, kept in Pulumi state.</summary>
    public const string PasswordName = "registry-password";

    public const string PullSecretName = AppObjectNames.PullSecret;
    public const string PushSecretName = "registry-push";
    public const string DockerConfigJsonType = "kubernetes.io/dockerconfigjson";
    public const string DockerConfigJsonKey = ".dockerconfigjson";

    public static bool RequiresAuthentication(RegistryConfig registry) => registry.Mode != RegistryConfig.Docker;

    /// <summary>The pull/push user: the configured one, or <see cref="DefaultUser"/> for an in-cluster registry.</summary>
    public static string User(RegistryConfig registry) => registry.Username.Length > 0 ? registry.Username : DefaultUser;

    /// <summary>The push Secret CI jobs mount, or null where the registry takes pushes without credentials.</summary>
    public static string? PushSecret(RegistryConfig registry) => RequiresAuthentication(registry) ? PushSecretName : null;

    /// <summary>The image pull Secret for apps, and the push Secret for CI when runners exist; none for the local registry.</summary>
    public static IReadOnlyList<SecretSpec> Secrets(DeliveryConfig config)
    {
        if (!RequiresAuthentication(config.Registry))
            return [];
        var secrets = new List<SecretSpec> { DockerConfig(config.Registry, PullSecretName, PlatformNamespaces.Apps) };
        if (config.Ci.Mode != CiConfig.None)
            secrets.Add(DockerConfig(config.Registry, PushSecretName, PlatformNamespaces.Ci));
        return secrets;
    }

    private static SecretSpec DockerConfig(RegistryConfig registry, string name, string @namespace)
    {
        SecretSource password = registry.Mode == RegistryConfig.InCluster
            ? new GeneratedPasswordSource(PasswordName)
            : new ConfigSecretSource(registry.Password);
        return new SecretSpec(name, @namespace, DockerConfigJsonType, StandardLabels.Shared(name, RegistryRendering.Component),
            [new SecretEntry(DockerConfigJsonKey, new DockerConfigSource(RegistryAddress.Of(registry), User(registry), password))]);
    }
}
