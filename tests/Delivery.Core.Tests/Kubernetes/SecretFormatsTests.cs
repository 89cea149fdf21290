using System.Text;
using System.Text.Json;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Kubernetes;

public sealed class SecretFormatsTests
{
    [Fact]
    public void Docker_config_json_holds_the_credential_as_kubelet_reads_it()
    {
        var json = JsonDocument.Parse(DockerConfigJson.Build("ghcr.io/acme", "bot", "p:ss\"word")).RootElement;

        var auth = json.GetProperty("auths").GetProperty("ghcr.io/acme");
        Assert.Equal("bot", auth.GetProperty("username").GetString());
        Assert.Equal("p:ss\"word", auth.GetProperty("password").GetString());
        Assert.Equal("bot:p:ss\"word", Encoding.UTF8.GetString(Convert.FromBase64String(auth.GetProperty("auth").GetString()!)));
    }

    [Fact]
    public void An_htpasswd_line_is_user_colon_hash_and_a_newline() =>
        Assert.Equal("delivery:$2y$10$abc\n", Htpasswd.Line("delivery", "$2y$10$abc"));
}
