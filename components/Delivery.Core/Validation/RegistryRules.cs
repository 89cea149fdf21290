using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>The container registry, and which registry modes work with which cluster.</summary>
internal static class RegistryRules
{
    /// <summary>For a known <c>registry.mode</c> (<see cref="ModeRules.ThenCheck"/>).</summary>
    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config, ValidationContext context)
    {
        var registry = config.Registry;
        var root = ConfigPath.Root("registry");
        var mode = root.Key("mode");
        switch (registry.Kind)
        {
            case RegistryMode.Docker:
                if (config.Cluster.Kind != ClusterMode.K3sDocker)
                {
                    yield return ConfigProblem.Error(mode, registry.Mode,
                        "a registry in a local Docker container can only be reached by a k3s-docker cluster on the same Docker network.",
                        $"use in-cluster or external (pulumi config set --path {mode} in-cluster), or cluster.mode k3s-docker.");
                }
                foreach (var problem in PortRules.Check(root.Key("hostPort"), registry.HostPort, "the registry on loopback"))
                    yield return problem;
                foreach (var problem in UnusedPasswords(registry, root, "by the docker registry (it has no authentication; it listens on loopback only)"))
                    yield return problem;
                break;
            case RegistryMode.InCluster:
                if (!Names.IsDns1123Subdomain(registry.Host))
                {
                    yield return ConfigProblem.Error(root.Key("host"), NullIfEmpty(registry.Host),
                        "an in-cluster registry needs the host name nodes and runners reach it on (through the cluster Gateway).",
                        $"pulumi config set --path {root.Key("host")} registry.<your domain>.");
                }
                if (ResourceRules.StorageSizeProblem(root.Key("storageSize"), registry.StorageSize, "50Gi") is { } size)
                    yield return size;
                foreach (var (key, user, role, example) in new[] { ("username", registry.Username, "user", "delivery"), ("pullUsername", registry.PullUsername, "pull user", "pull") })
                {
                    if (user.Length > 0 && !Names.IsDns1035Label(user))
                    {
                        yield return ConfigProblem.Error(root.Key(key), user, $"must be lower case letters, digits and '-' (it names the htpasswd {role}).",
                            $"pulumi config set --path {root.Key(key)} {example}.");
                    }
                }
                if (Registry.RegistryCredentials.PullUser(registry) == Registry.RegistryCredentials.User(registry))
                {
                    yield return ConfigProblem.Error(root.Key("pullUsername"), Registry.RegistryCredentials.PullUser(registry),
                        "is the push user too; the cluster's pull credential must not be the one CI pushes with.",
                        $"pulumi config set --path {root.Key("pullUsername")} pull (or another name than {root.Key("username")}).");
                }
                foreach (var problem in UnusedPasswords(registry, root, "by an in-cluster registry (its password is generated)"))
                    yield return problem;
                break;
            case RegistryMode.External:
                if (!Names.IsRegistryAddress(registry.Url))
                {
                    yield return ConfigProblem.Error(root.Key("url"), NullIfEmpty(registry.Url),
                        "must be a registry address without scheme: host[:port][/path], e.g. ghcr.io/acme.",
                        $"pulumi config set --path {root.Key("url")} ghcr.io/<org>.");
                }
                if (registry.PullUsername.Length == 0)
                {
                    yield return ConfigProblem.Error(root.Key("pullUsername"), null, "an external registry needs the user the cluster pulls app images as, with a read-only token.",
                        $"pulumi config set --path {root.Key("pullUsername")} <user>, and the token with --secret --path {root.Key("pullPassword")}.");
                }
                foreach (var problem in SecretRules.Required(root.Key("pullPassword"), registry.PullPassword, context, "read-only pull token", "for an external registry"))
                    yield return problem;
                foreach (var problem in ExternalPush(config, root, context))
                    yield return problem;
                break;
        }
    }

    /// <summary>The push credential is for CI's publishing only: required with build runners; without them a push token is refused (nothing here pushes).</summary>
    private static IEnumerable<ConfigProblem> ExternalPush(DeliveryConfig config, ConfigPath root, ValidationContext context)
    {
        var registry = config.Registry;
        if (!config.Ci.HostsBuildRunners)
        {
            var why = config.Ci.Kind == CiMode.None ? "(it is the push token, and ci.mode is none)" : "(it is the push token, and ci.buildRunners is off: this cluster's release runners publish nothing)";
            foreach (var problem in SecretRules.Unused(root.Key("password"), registry.Password, why))
                yield return problem;
            yield break;
        }
        if (registry.Username.Length == 0)
        {
            yield return ConfigProblem.Error(root.Key("username"), null, "the CI runners need the user they push images as.",
                $"pulumi config set --path {root.Key("username")} <user>.");
        }
        else if (registry.Username == registry.PullUsername)
        {
            yield return ConfigProblem.Error(root.Key("pullUsername"), registry.PullUsername, "is the push user too; the cluster's pull credential must be a separate, read-only one.",
                $"pulumi config set --path {root.Key("pullUsername")} <read-only user>.");
        }
        foreach (var problem in SecretRules.Required(root.Key("password"), registry.Password, context, "push token", "for the CI runners to push to an external registry"))
            yield return problem;
    }

    /// <summary>Both passwords, where the registry mode sets its own or none.</summary>
    private static IEnumerable<ConfigProblem> UnusedPasswords(RegistryConfig registry, ConfigPath root, string why) =>
        SecretRules.Unused(root.Key("password"), registry.Password, why).Concat(SecretRules.Unused(root.Key("pullPassword"), registry.PullPassword, why));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
