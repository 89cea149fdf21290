using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;
using Delivery.Core.Tests.Apps;
using Delivery.Core.Tests.Tools;
using static Delivery.Core.Tests.Registry.RegistryFixtures;

namespace Delivery.Core.Tests.Registry;

public sealed class RegistryRendererTests
{
    [Fact]
    public void In_cluster_objects_pass_the_real_schemas_and_yamllint_on_every_tier()
    {
        var config = InCluster();
        var objects = AllTiers.SelectMany(tier => RegistryRenderer.Render(config.Valid(tier)).Objects).ToList();

        SchemaCheck.AssertValid(objects);
        YamlLint.AssertClean(YamlWriter.WriteAll(objects));
    }

    [Fact]
    public void In_cluster_deploys_the_registry_its_storage_service_and_route_in_the_registry_namespace()
    {
        var rendering = RegistryRenderer.Render(InCluster(("registry:storageSize", "42Gi")).Valid(Tier.Dev));

        Assert.Equal(RegistryRenderer.Component, rendering.Component);
        Assert.Equal(["ConfigMap", "PersistentVolumeClaim", "Deployment", "Service", "HTTPRoute"], rendering.Objects.Select(o => o.Kind));
        Assert.All(rendering.Objects, o => Assert.Equal(PlatformNamespaces.Registry, o.Namespace));
        Assert.Equal("42Gi", Path(Single(rendering, "PersistentVolumeClaim").Body, "spec", "resources", "requests")["storage"]);
        Assert.Empty(rendering.Charts);
    }

    [Fact]
    public void Every_object_carries_the_standard_labels()
    {
        var rendering = RegistryRenderer.Render(InCluster().Valid(Tier.Dev));

        Assert.All(rendering.Objects, o =>
        {
            foreach (var label in new[] { StandardLabels.Name, StandardLabels.Instance, StandardLabels.Component, StandardLabels.PartOf, StandardLabels.ManagedBy })
                Assert.True(o.Labels.ContainsKey(label), $"{o} lacks {label}");
            Assert.Equal(RegistryRenderer.Component, o.Labels[StandardLabels.Component]);
        });
        Assert.All(rendering.Secrets, s => Assert.Equal(RegistryRenderer.Component, s.Labels[StandardLabels.Component]));
    }

    [Fact]
    public void The_registry_and_its_collector_meet_pod_security_restricted()
    {
        var rendering = RegistryRenderer.Render(InCluster().Valid(Tier.Prod));

        var pod = PodSpec(Single(rendering, "Deployment"));
        Assert.Empty(RestrictedPodSecurity.Violations(pod));
        Assert.All(((List<object?>)pod["containers"]!).Concat((List<object?>)pod["initContainers"]!), c =>
            Assert.Equal(true, Map(Map(c)["securityContext"])["readOnlyRootFilesystem"]));
    }

    [Fact]
    public void The_route_serves_the_configured_host_on_the_cluster_gateways_https_listener()
    {
        var route = Single(RegistryRenderer.Render(InCluster(("registry:host", "images.example.org")).Valid(Tier.Dev)), "HTTPRoute");
        var spec = Map(route.Body["spec"]);
        var parent = Map(Assert.Single((List<object?>)spec["parentRefs"]!));

        Assert.Equal(["images.example.org"], (List<object?>)spec["hostnames"]!);
        Assert.Equal(Delivery.Core.Network.GatewayShards.GatewayOf("images.example.org"), parent["name"]);
        Assert.Equal("gateway", parent["namespace"]);
        Assert.Equal(Delivery.Core.Network.ClusterGateway.HttpsListenerFor("images.example.org"), parent["sectionName"]);
        var backend = Map(Assert.Single((List<object?>)Map(Assert.Single((List<object?>)spec["rules"]!))["backendRefs"]!));
        Assert.Equal(RegistryRenderer.ServiceName, backend["name"]);
        Assert.Equal(RegistryFileLayout.HttpPort, backend["port"]);
    }

    [Fact]
    public void The_config_map_holds_the_rendered_config_and_the_pod_mounts_what_it_names()
    {
        var rendering = RegistryRenderer.Render(InCluster().Valid(Tier.Dev));
        var config = Map(Single(rendering, "ConfigMap").Body["data"])[RegistryFileLayout.ConfigFileName];
        var container = Map(Assert.Single((List<object?>)PodSpec(Single(rendering, "Deployment"))["containers"]!));
        var mounts = ((List<object?>)container["volumeMounts"]!).Select(Map).ToDictionary(m => (string)m["mountPath"]!, m => (string)m["name"]!);

        Assert.Equal(RegistryConfigFile.Render(RegistryFileLayout.InCluster), config);
        Assert.Equal(RegistryPod.ConfigVolume, mounts[Directory(RegistryFileLayout.ConfigPath)]);
        Assert.Equal(RegistryPod.AuthVolume, mounts[Directory(RegistryFileLayout.InCluster.HtpasswdPath)]);
        Assert.Equal(RegistryPod.DataVolume, mounts[RegistryFileLayout.InCluster.StorageDirectory]);
        Assert.Contains($"addr: \"{RegistryFileLayout.InCluster.ListenAddress}\"", (string)config!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_is_replaced_not_rolled_so_one_pod_at_a_time_holds_the_volume()
    {
        var deployment = Single(RegistryRenderer.Render(InCluster().Valid(Tier.Dev)), "Deployment");

        Assert.Equal("Recreate", Path(deployment.Body, "spec", "strategy")["type"]);
        Assert.Equal(1, Map(deployment.Body["spec"])["replicas"]);
        Assert.Equal(["ReadWriteOnce"], (List<object?>)Map(Single(RegistryRenderer.Render(InCluster().Valid(Tier.Dev)), "PersistentVolumeClaim").Body["spec"])["accessModes"]!);
    }

    /// <summary>
    /// Issue #22, finding 9: a collection beside the live registry could delete the layers of a push
    /// in flight (distribution wants the registry stopped or read-only). The collector now runs in the
    /// registry pod before the server starts, and Recreate stops the old pod first.
    /// </summary>
    [Fact]
    public void The_collector_deletes_untagged_manifests_only_while_no_registry_serves()
    {
        var rendering = RegistryRenderer.Render(InCluster().Valid(Tier.Dev));
        var deployment = Single(rendering, "Deployment");
        var pod = Path(deployment.Body, "spec", "template", "spec");
        var collector = Map(Assert.Single((List<object?>)pod["initContainers"]!));
        var script = (string)((List<object?>)collector["command"]!)[2]!;

        Assert.Equal(["sh", "-c"], ((List<object?>)collector["command"]!).Take(2));
        Assert.StartsWith("registry garbage-collect /etc/docker/registry/config.yml --delete-untagged", script, StringComparison.Ordinal);
        Assert.Equal("Recreate", Path(deployment.Body, "spec", "strategy")["type"]);
        Assert.DoesNotContain(rendering.Objects, o => o.Kind is "CronJob" or "Job");
        Assert.DoesNotContain(RegistryPod.AuthVolume, ((List<object?>)collector["volumeMounts"]!).Select(v => Map(v)["name"]));
    }

    [Fact]
    public void A_config_change_changes_the_pod_template_so_the_registry_restarts_with_it()
    {
        var rendering = RegistryRenderer.Render(InCluster().Valid(Tier.Dev));
        var deployment = Single(rendering, "Deployment");
        var annotations = Map(Path(deployment.Body, "spec", "template", "metadata")["annotations"]);
        var configFile = (string)Map(Single(rendering, "ConfigMap").Body["data"])[RegistryFileLayout.ConfigFileName]!;

        // The pod template carries the hash of the config.yml the ConfigMap holds, so any change to it rolls the pod.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configFile)))[..16];
        Assert.Equal(hash, annotations[RegistryDeployment.ConfigHashAnnotation]);
    }

    [Fact]
    public void Resources_grow_with_the_tier()
    {
        var limits = AllTiers.Select(tier => (string)Path(RegistryResources.For(TierProfile.For(tier)), "limits")["memory"]!).ToList();

        Assert.Equal(["256Mi", "512Mi", "1Gi", "2Gi"], limits);
        var container = Map(Assert.Single((List<object?>)PodSpec(Single(RegistryRenderer.Render(InCluster().Valid(Tier.Staging)), "Deployment"))["containers"]!));
        Assert.Equal(RegistryResources.For(TierProfile.Staging), container["resources"]);
    }

    [Fact]
    public void In_cluster_generates_a_pull_and_a_push_password_and_the_apps_get_only_the_pull_credential()
    {
        var rendering = RegistryRenderer.Render(InCluster([("registry:username", "ci"), .. GitLabRunnerSettings]).Valid(Tier.Dev));

        Assert.Equal([new GeneratedPassword(RegistryCredentials.PullPasswordName), new GeneratedPassword(RegistryCredentials.PasswordName)], rendering.Passwords);
        var htpasswd = Assert.Single(rendering.Secrets, s => s.Name == RegistryPod.HtpasswdSecretName);
        Assert.Equal(PlatformNamespaces.Registry, htpasswd.Namespace);
        Assert.Equal(
            new SecretEntry("htpasswd", new HtpasswdSource([new HtpasswdUser("pull", RegistryCredentials.PullPasswordName), new HtpasswdUser("ci", RegistryCredentials.PasswordName)])),
            Assert.Single(htpasswd.Entries));
        AssertDockerConfig(rendering, "registry-pull", PlatformNamespaces.Apps,
            new DockerConfigSource("registry.dev.example.com", "pull", new GeneratedPasswordSource(RegistryCredentials.PullPasswordName)));
        AssertDockerConfig(rendering, "registry-push", PlatformNamespaces.CiRelease,
            new DockerConfigSource("registry.dev.example.com", "ci", new GeneratedPasswordSource(RegistryCredentials.PasswordName)));
    }

    [Fact]
    public void The_htpasswd_user_defaults_to_delivery_and_no_push_secret_exists_without_runners()
    {
        var rendering = RegistryRenderer.Render(InCluster().Valid(Tier.Dev));

        var htpasswd = Assert.Single(rendering.Secrets, s => s.Name == RegistryPod.HtpasswdSecretName);
        Assert.Equal(
            new HtpasswdSource([new HtpasswdUser(RegistryCredentials.DefaultPullUser, RegistryCredentials.PullPasswordName), new HtpasswdUser(RegistryCredentials.DefaultUser, RegistryCredentials.PasswordName)]),
            Assert.Single(htpasswd.Entries).Source);
        Assert.DoesNotContain(rendering.Secrets, s => s.Name == "registry-push");
    }

    [Fact]
    public void External_deploys_nothing_and_takes_the_credentials_from_config()
    {
        var config = External(GitLabRunnerSettings);
        var rendering = RegistryRenderer.Render(config.Valid(Tier.Staging));

        Assert.Empty(rendering.Objects);
        Assert.Empty(rendering.Passwords);
        AssertDockerConfig(rendering, "registry-pull", PlatformNamespaces.Apps, new DockerConfigSource("ghcr.io/acme", "acme-reader", new ConfigSecretSource(config.Registry.PullPassword)));
        AssertDockerConfig(rendering, "registry-push", PlatformNamespaces.CiRelease, new DockerConfigSource("ghcr.io/acme", "acme-bot", new ConfigSecretSource(config.Registry.Password)));
        Assert.Equal(2, rendering.Secrets.Count);
    }

    [Fact]
    public void The_local_docker_registry_needs_nothing_in_the_cluster_not_even_a_pull_secret()
    {
        var rendering = RegistryRenderer.Render(Committed("local").Config.Valid(Tier.Local));

        Assert.Empty(rendering.Objects);
        Assert.Empty(rendering.Secrets);
        Assert.Empty(rendering.Passwords);
        Assert.Null(RegistryCredentials.PushSecret(Committed("local").Config));
    }

    [Theory]
    [InlineData("dev", 5, "registry.dev.shop.example.com", true)]
    [InlineData("staging", 0, "ghcr.io/acme-shop", true)]
    [InlineData("prod", 0, "ghcr.io/acme-shop", false)]
    public void The_committed_stacks_render_valid_registries(string stack, int objects, string address, bool pushSecret)
    {
        var loaded = Committed(stack);
        var rendering = RegistryRenderer.Render(loaded.Valid());

        Assert.Equal(objects, rendering.Objects.Count);
        var pull = Assert.Single(rendering.Secrets, s => s.Name == "registry-pull");
        Assert.Equal(address, Assert.IsType<DockerConfigSource>(Assert.Single(pull.Entries).Source).Registry);
        Assert.Equal(pushSecret, rendering.Secrets.Any(s => s.Name == "registry-push"));
        if (objects > 0)
        {
            SchemaCheck.AssertValid(rendering.Objects);
            YamlLint.AssertClean(YamlWriter.WriteAll(rendering.Objects));
        }
    }

    private static void AssertDockerConfig(ComponentRendering rendering, string name, string @namespace, DockerConfigSource expected)
    {
        var secret = Assert.Single(rendering.Secrets, s => s.Name == name);
        Assert.Equal(@namespace, secret.Namespace);
        Assert.Equal("kubernetes.io/dockerconfigjson", secret.Type);
        Assert.Equal(new SecretEntry(".dockerconfigjson", expected), Assert.Single(secret.Entries));
    }

    private static string Directory(string path) => path[..path.LastIndexOf('/')];
}
