using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Registry;

/// <summary>
/// Who pulls and who pushes, with which password, and the Secrets that carry them: the apps'
/// pull Secret holds the pull credential only, and only CI's release runners (in ci-release, where
/// runners exist) get the push credential. The local Docker registry has no authentication (it listens on loopback and k3s
/// reaches it on its Docker network), so it needs no credentials at all.
/// </summary>
/// <remarks>
/// The in-cluster registry (distribution 2.8) authenticates with htpasswd and has no per-user
/// access control: both users it knows can pull and push. The split still keeps the credential
/// that is everywhere (every node pulls with it) apart from the one that writes, so either can be
/// rotated alone, and deletes are off for both (<see cref="RegistryConfigFile"/>). An external
/// registry (ghcr.io, ECR, …) enforces it: give a read-only token as the pull password.
/// </remarks>
public static class RegistryCredentials
{
    public const string DefaultUser = "delivery";
    public const string DefaultPullUser = "pull";

    /// <summary>The in-cluster registry's push password: generated once, kept in Pulumi state.</summary>
    public const string PasswordName = "registry-password";

    /// <summary>The in-cluster registry's pull password: generated once, kept in Pulumi state.</summary>
    public const string PullPasswordName = "registry-pull-password";

    public const string PullSecretName = "registry-pull";
    public const string PushSecretName = "registry-push";
    public const string DockerConfigJsonType = "kubernetes.io/dockerconfigjson";
    public const string DockerConfigJsonKey = ".dockerconfigjson";

    public static bool RequiresAuthentication(RegistryConfig registry) => registry.Kind != RegistryMode.Docker;

    /// <summary>The push user: the configured one, or <see cref="DefaultUser"/> for an in-cluster registry.</summary>
    public static string User(RegistryConfig registry) => registry.Username.Length > 0 ? registry.Username : DefaultUser;

    /// <summary>The pull user: the configured one, or <see cref="DefaultPullUser"/> for an in-cluster registry.</summary>
    public static string PullUser(RegistryConfig registry) => registry.PullUsername.Length > 0 ? registry.PullUsername : DefaultPullUser;

    /// <summary>The in-cluster registry's htpasswd file: the pull user and the push user, each with its own generated password.</summary>
    public static HtpasswdSource Htpasswd(RegistryConfig registry) =>
        new([new HtpasswdUser(PullUser(registry), PullPasswordName), new HtpasswdUser(User(registry), PasswordName)]);

    /// <summary>
    /// The push Secret release jobs mount: where the registry takes pushes with credentials and build
    /// runners make images to publish; null otherwise (the local registry needs none, and a cluster
    /// with release runners only, prod's, publishes nothing).
    /// </summary>
    public static string? PushSecret(DeliveryConfig config) =>
        RequiresAuthentication(config.Registry) && config.Ci.HostsBuildRunners ? PushSecretName : null;

    /// <summary>The image pull Secret for apps, and the push Secret (<see cref="PushSecret"/>); none for the local registry.</summary>
    public static IReadOnlyList<SecretSpec> Secrets(DeliveryConfig config)
    {
        var registry = config.Registry;
        if (!RequiresAuthentication(registry))
            return [];
        var inCluster = registry.Kind == RegistryMode.InCluster;
        var secrets = new List<SecretSpec>
        {
            DockerConfig(registry, PullSecretName, PlatformNamespaces.Apps, PullUser(registry),
                inCluster ? new GeneratedPasswordSource(PullPasswordName) : new ConfigSecretSource(registry.PullPassword)),
        };
        if (PushSecret(config) is not null)
        {
            // Only the release runners' job pods mount it, in their own namespace.
            secrets.Add(DockerConfig(registry, PushSecretName, PlatformNamespaces.CiRelease, User(registry),
                inCluster ? new GeneratedPasswordSource(PasswordName) : new ConfigSecretSource(registry.Password)));
        }
        return secrets;
    }

    private static SecretSpec DockerConfig(RegistryConfig registry, string name, string @namespace, string user, SecretSource password) =>
        new(name, @namespace, DockerConfigJsonType, StandardLabels.Shared(name, RegistryRenderer.Component),
            [new SecretEntry(DockerConfigJsonKey, new DockerConfigSource(RegistryAddress.Of(registry), user, password))]);
}
