using Delivery.Core.Cluster;
using Delivery.Core.Tests.Tools;
using Microsoft.VisualBasic.FileIO;
using YamlDotNet.RepresentationModel;

namespace Delivery.Core.Tests.Cluster;

public sealed class LocalKubeconfigTests
{
    private const string Token = "s3cr3t,with\"odd:chars yes";

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlNode node, params string[] path) =>
        ((YamlScalarNode)path.Aggregate(node, (n, key) => n is YamlSequenceNode list ? list[int.Parse(key)] : ((YamlMappingNode)n)[key])).Value!;

    [Fact]
    public void The_kubeconfig_reaches_the_loopback_api_port_with_the_token()
    {
        var yaml = LocalKubeconfig.Render(7443, Token);
        var root = Parse(yaml);

        YamlLint.AssertClean(yaml);
        Assert.Equal("https://127.0.0.1:7443", Scalar(root, "clusters", "0", "cluster", "server"));
        Assert.Equal("true", Scalar(root, "clusters", "0", "cluster", "insecure-skip-tls-verify"));
        Assert.Equal(Token, Scalar(root, "users", "0", "user", "token"));
        Assert.Equal(Scalar(root, "contexts", "0", "name"), Scalar(root, "current-context"));
        Assert.Equal(Scalar(root, "clusters", "0", "name"), Scalar(root, "contexts", "0", "context", "cluster"));
        Assert.Equal(Scalar(root, "users", "0", "name"), Scalar(root, "contexts", "0", "context", "user"));
    }

    [Fact]
    public void The_token_file_is_one_csv_record_granting_system_masters_whatever_the_token_holds()
    {
        using var parser = new TextFieldParser(new StringReader(K3sAdminToken.AuthFile(Token))) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");

        Assert.Equal([Token, K3sAdminToken.User, K3sAdminToken.User, "system:masters"], parser.ReadFields()!);
        Assert.True(parser.EndOfData);
    }
}
