using Delivery.Core.Cluster;
using Delivery.Core.Tests.Tools;
using YamlDotNet.Serialization;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

public sealed class LocalDockerTests
{
    private static readonly LocalDockerSpec Spec = LocalDocker.Render(Local(("cluster:k3s:tlsSans:0", "k3s.example.test"), ("cluster:k3s:apiPort", "7443"), ("registry:hostPort", "5050")))!;

    private static string Literal(DockerContainerSpec container, string file) =>
        Assert.IsType<LiteralContent>(Assert.Single(container.Uploads, u => u.File == file).Content).Text;

    [Fact]
    public void Only_a_k3s_docker_cluster_has_docker_resources()
    {
        Assert.Null(LocalDocker.Render(Dev()));
        Assert.NotNull(LocalDocker.Render(Local()));
    }

    [Fact]
    public void The_k3s_server_runs_privileged_with_the_ingress_disabled_and_the_admin_token_file()
    {
        var command = Spec.K3sServer.Command;

        Assert.Equal("server", command[0]);
        Assert.Contains("--disable=traefik", command);
        Assert.DoesNotContain("--disable=servicelb", command);
        Assert.Contains("--https-listen-port=6443", command);
        Assert.Contains("--tls-san=127.0.0.1", command);
        Assert.Contains("--tls-san=k3s.example.test", command);
        Assert.Contains($"--kube-apiserver-arg=token-auth-file={K3sAdminToken.FilePath}", command);
        Assert.True(Spec.K3sServer.Privileged);
        Assert.Equal(["/run", "/var/run"], Spec.K3sServer.Tmpfs.Keys);
        Assert.False(Spec.Registry!.Privileged);
    }

    [Fact]
    public void Every_port_is_published_on_loopback_only_and_the_api_on_the_configured_port()
    {
        var ports = Spec.Containers.SelectMany(c => c.Ports).ToList();

        Assert.All(ports, p => Assert.Equal("127.0.0.1", p.Ip));
        Assert.Contains(new DockerPortSpec(6443, 7443, "127.0.0.1"), Spec.K3sServer.Ports);
        Assert.Equal([new DockerPortSpec(5000, 5050, "127.0.0.1")], Spec.Registry!.Ports);
    }

    [Fact]
    public void Every_image_is_pinned_to_a_version_tag()
    {
        Assert.All(Spec.Containers, c =>
        {
            var tag = c.Image[(c.Image.LastIndexOf(':') + 1)..];
            Assert.Matches(@"^v?\d+\.\d+\.\d+", tag);
            Assert.NotEqual("latest", tag);
        });
        Assert.Equal("rancher/k3s:v1.33.5-k3s1", Spec.K3sServer.Image);
    }

    [Fact]
    public void K3s_pulls_the_local_registry_name_from_the_registry_container_over_the_shared_network()
    {
        var yaml = Literal(Spec.K3sServer, "/etc/rancher/k3s/registries.yaml");
        var parsed = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, List<string>>>>>(yaml);

        YamlLint.AssertClean(yaml);
        Assert.Equal(["http://delivery-platform-local-registry:5000"], parsed["mirrors"]["registry.localhost:5050"]["endpoint"]);
        Assert.Equal("delivery-platform-local-registry", Spec.Registry!.Name);
        Assert.All(Spec.Containers, c => Assert.Equal(Spec.Network.Name, Assert.Single(c.Networks).Name));
    }

    [Fact]
    public void The_admin_token_file_is_composed_by_the_shell_from_the_generated_password()
    {
        var upload = Assert.Single(Spec.K3sServer.Uploads, u => u.File == K3sAdminToken.FilePath);

        Assert.Equal(new AdminTokenFileContent(K3sAdminToken.Password.Name), upload.Content);
        Assert.Contains(K3sAdminToken.Password, Spec.Passwords);
    }

    [Fact]
    public void Cluster_and_registry_data_live_on_named_volumes_protected_as_the_stack_says()
    {
        var mounts = Spec.Containers.SelectMany(c => c.Volumes).ToList();

        Assert.Equal(Spec.Volumes.Select(v => v.Name).Order(), mounts.Select(m => m.VolumeName).Order());
        Assert.Contains(new DockerVolumeMount("delivery-platform-local-registry-data", "/var/lib/registry"), mounts);
        Assert.All(LocalDocker.Render(Local(("protect", "true")))!.Volumes, v => Assert.True(v.Protect));
    }

    [Fact]
    public void Without_the_docker_registry_there_is_no_registry_container_and_no_mirror()
    {
        var spec = LocalDocker.Render(Local(("registry:mode", "external"), ("registry:url", "ghcr.io/acme"), ("registry:username", "ci")))!;

        Assert.Null(spec.Registry);
        Assert.Equal([spec.K3sServer], spec.Containers);
        Assert.DoesNotContain(spec.K3sServer.Uploads, u => u.File == K3sRegistries.FilePath);
    }

    [Fact]
    public void Both_containers_have_a_healthcheck_the_shell_waits_on()
    {
        Assert.Equal(["CMD", "k3s", "kubectl", "get", "--raw=/readyz"], Spec.K3sServer.HealthCheck!.Command);
        Assert.Equal(["CMD", "wget", "-q", "--spider", "http://127.0.0.1:5000/v2/"], Spec.Registry!.HealthCheck!.Command);
        Assert.True(Spec.K3sServer.HealthCheck.IntervalSeconds * Spec.K3sServer.HealthCheck.Retries >= Spec.K3sServer.HealthCheck.WaitSeconds);
    }
}
