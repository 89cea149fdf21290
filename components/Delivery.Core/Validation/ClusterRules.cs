using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>Where the cluster comes from, and what each mode needs.</summary>
internal static partial class ClusterRules
{
    /// <summary>For a known <c>cluster.mode</c> (<see cref="ModeRules.ThenCheck"/>).</summary>
    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config, ValidationContext context)
    {
        var cluster = config.Cluster;
        var root = ConfigPath.Root("cluster");
        var mode = root.Key("mode");

        for (var i = 0; i < cluster.Networks.Count; i++)
        {
            if (EgressRule.ParseNetwork(cluster.Networks[i]) is null)
            {
                yield return ConfigProblem.Error(root.Key("networks").Index(i), cluster.Networks[i],
                    "must be one of the cluster's own address ranges (nodes, pods, Services) as CIDR with its network address (10.42.0.0/16).",
                    $"pulumi config set --path '{root.Key("networks").Index(i)}' <cidr>.");
            }
        }
        for (var i = 0; i < cluster.ApiServerEndpoints.Count; i++)
        {
            if (EgressRule.Parse(cluster.ApiServerEndpoints[i]) is not { IsEverywhere: false })
            {
                yield return ConfigProblem.Error(root.Key("apiServerEndpoints").Index(i), cluster.ApiServerEndpoints[i],
                    "must be an API server endpoint as CIDR:port (10.0.0.10/32:6443), one of the addresses kubectl get endpointslices -l kubernetes.io/service-name=kubernetes lists.",
                    $"pulumi config set --path '{root.Key("apiServerEndpoints").Index(i)}' <address>/32:<port>.");
            }
        }
        if (cluster.Kind == ClusterMode.K3sDocker)
        {
            if (context.Profile?.AllowsDockerCluster == false && !cluster.AllowK3sOutsideLocal)
            {
                yield return ConfigProblem.Error(mode, cluster.Mode,
                    $"a k3s cluster in a local Docker container is meant for the local tier, not {config.Environment}.",
                    $"use an existing cluster (pulumi config set --path {mode} existing), or, for a throw-away cluster, pulumi config set --path {root.Key("allowK3sOutsideLocal")} true.");
            }
            var k3s = root.Key("k3s");
            if (!Names.IsImageRepository(cluster.K3s.Image))
            {
                yield return ConfigProblem.Error(k3s.Key("image"), cluster.K3s.Image, "is not an image repository name.",
                    $"pulumi config set --path {k3s.Key("image")} {Pins.K3s.Image}.");
            }
            if (!K3sVersion().IsMatch(cluster.K3s.Version))
            {
                yield return ConfigProblem.Error(k3s.Key("version"), cluster.K3s.Version, $"must be a pinned k3s release tag such as {Pins.K3s.Version}.",
                    $"pulumi config set --path {k3s.Key("version")} {Pins.K3s.Version}.");
            }
            foreach (var problem in PortRules.Check(k3s.Key("apiPort"), cluster.K3s.ApiPort, "the Kubernetes API on loopback"))
                yield return problem;
            for (var i = 0; i < cluster.K3s.TlsSans.Count; i++)
            {
                var san = cluster.K3s.TlsSans[i];
                if (!Names.IsDns1123Subdomain(san) && !Names.IsIpAddress(san))
                {
                    yield return ConfigProblem.Error(k3s.Key("tlsSans").Index(i), san, "is neither a DNS name nor an IP address.",
                        $"pulumi config set --path '{k3s.Key("tlsSans").Index(i)}' <host name or IP>.");
                }
            }
            foreach (var problem in SecretRules.Unused(root.Key("kubeconfig"), cluster.Kubeconfig, "with k3s-docker (the kubeconfig is read from the k3s container)"))
                yield return problem;
        }
        else
        {
            foreach (var problem in SecretRules.Required(root.Key("kubeconfig"), cluster.Kubeconfig, context, "kubeconfig", "to reach an existing cluster"))
                yield return problem;
        }
    }

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+\.[0-9]+-k3s[0-9]+$")]
    private static partial Regex K3sVersion();
}
