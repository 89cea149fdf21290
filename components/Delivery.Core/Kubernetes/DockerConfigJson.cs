using System.Text;
using System.Text.Json;

namespace Delivery.Core.Kubernetes;

/// <summary>The <c>.dockerconfigjson</c> of an image pull (or push) Secret; the shell calls it inside an Apply.</summary>
public static class DockerConfigJson
{
    public static string Build(string registry, string user, string password)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["auths"] = new Dictionary<string, object>
            {
                [registry] = new Dictionary<string, string> { ["username"] = user, ["password"] = password, ["auth"] = auth },
            },
        }, ManifestJsonContext.Default.DictionaryStringObject);
    }
}
