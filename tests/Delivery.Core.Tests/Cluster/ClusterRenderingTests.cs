using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Tests.Tools;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Cluster;

/// <summary>The committed stacks render, and everything rendered passes the real schemas and yamllint.</summary>
public sealed class ClusterRenderingTests
{
    public static TheoryData<string> Stacks() => [.. CommittedStacks];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_committed_stack_renders_objects_the_real_schemas_and_yamllint_accept(string stack)
    {
        var valid = Stack(stack);
        var rendering = ClusterBaselineRenderer.Render(valid);
        var yaml = YamlWriter.WriteAll(rendering.Objects);

        Assert.Equal(ClusterBaselineRenderer.Component, rendering.Component);
        SchemaCheck.AssertValid(rendering.Objects);
        YamlLint.AssertClean(yaml);
        Assert.Equal(yaml, YamlWriter.WriteAll(ClusterBaselineRenderer.Render(Stack(stack)).Objects));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Only_the_stack_with_a_k3s_cluster_gets_docker_resources(string stack)
    {
        var config = Stack(stack).Config;
        var spec = LocalDocker.Render(config);

        Assert.Equal(stack == "local", spec is not null);
        if (spec is not null)
        {
            YamlLint.AssertClean(Assert.IsType<LiteralContent>(spec.K3sServer.Uploads.Single(u => u.File == K3sRegistries.FilePath).Content).Text);
            YamlLint.AssertClean(LocalKubeconfig.Render(config.Cluster.K3s.ApiPort, "token"));
        }
    }
}
