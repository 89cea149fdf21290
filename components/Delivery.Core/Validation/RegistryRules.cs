using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>The container registry, and which registry modes work with which cluster.</summary>
internal static class RegistryRules
{
    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config, ValidationContext context)
    {
        var registry = config.Registry;
        var root = ConfigPath.Root("registry");
        var mode = root.Key("mode");
        if (!RegistryConfig.Modes.Contains(registry.Mode))
        {
            yield return ModeRules.Unknown(mode, registry.Mode, RegistryConfig.Modes);
            yield break;
        }

        switch (registry.Mode)
        {
            case RegistryConfig.Docker:
                if (config.Cluster.Mode != ClusterConfig.K3sDocker)
                {
                    yield return ConfigProblem.Error(mode, registry.Mode,
                        "a registry in a local Docker container can only be reached by a k3s-docker cluster on the same Docker network.",
                        $"use in-cluster or external (pulumi config set --path {mode} in-cluster), or cluster.mode k3s-docker.");
                }
                foreach (var problem in PortRules.Check(root.Key("hostPort"), registry.HostPort, "the registry on loopback"))
                    yield return problem;
                foreach (var problem in SecretRules.Unused(root.Key("password"), registry.Password, "by the docker registry (it has no authentication; it listens on loopback only)"))
                    yield return problem;
                break;
            case RegistryConfig.InCluster:
                if (!Names.IsDns1123Subdomain(registry.Host))
                {
                    yield return ConfigProblem.Error(root.Key("host"), NullIfEmpty(registry.Host),
                        "an in-cluster registry needs the host name nodes and runners reach it on (through the cluster Gateway).",
                        $"pulumi config set --path {root.Key("host")} registry.<your domain>.");
                }
                if (!Quantities.IsValid(registry.StorageSize))
                {
                    yield return ConfigProblem.Error(root.Key("storageSize"), registry.StorageSize, "is not a storage size.",
                        $"pulumi config set --path {root.Key("storageSize")} 50Gi.");
                }
                if (registry.Username.Length > 0 && !Names.IsDns1035Label(registry.Username))
                {
                    yield return ConfigProblem.Error(root.Key("username"), registry.Username, "must be lower case letters, digits and '-' (it names the htpasswd user).",
                        $"pulumi config set --path {root.Key("username")} delivery.");
                }
                foreach (var problem in SecretRules.Unused(root.Key("password"), registry.Password, "by an in-cluster registry (its password is generated)"))
                    yield return problem;
                break;
            case RegistryConfig.External:
                if (!Names.IsRegistryAddress(registry.Url))
                {
                    yield return ConfigProblem.Error(root.Key("url"), NullIfEmpty(registry.Url),
                        "must be a registry address without scheme: host[:port][/path], e.g. ghcr.io/acme.",
                        $"pulumi config set --path {root.Key("url")} ghcr.io/<org>.");
                }
                if (registry.Username.Length == 0)
                {
                    yield return ConfigProblem.Error(root.Key("username"), null, "an external registry needs the user to pull and push as.",
                        $"pulumi config set --path {root.Key("username")} <user>.");
                }
                foreach (var problem in SecretRules.Required(root.Key("password"), registry.Password, context, "password", "for an external registry"))
                    yield return problem;
                break;
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
