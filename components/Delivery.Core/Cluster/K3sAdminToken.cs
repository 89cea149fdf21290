using Delivery.Core.Kubernetes;

namespace Delivery.Core.Cluster;

/// <summary>
/// How the shell gets an admin kubeconfig for the local k3s server without reading files out of the
/// container: it generates a token, uploads it as the API server's static token file (user in
/// <c>system:masters</c>), and hands <see cref="LocalKubeconfig"/> the same token. The token lives
/// in the container and in Pulumi state (as a secret) only, and the API is published on loopback only.
/// </summary>
public static class K3sAdminToken
{
    public static readonly GeneratedPassword Password = new("k3s-admin-token", 48);

    /// <summary>Passed to kube-apiserver as <c>--token-auth-file</c>.</summary>
    public const string FilePath = "/etc/rancher/k3s/admin-tokens.csv";

    public const string User = "delivery-platform-admin";

    /// <summary>The group RBAC grants everything to, without any binding.</summary>
    public const string Group = "system:masters";

    /// <summary>
    /// The static token file: one CSV line <c>token,user,uid,"group1,group2"</c>. Every field is
    /// quoted (quotes doubled), so a token with a comma or a quote still parses as one field.
    /// </summary>
    public static string AuthFile(string token) =>
        string.Join(',', new[] { token, User, User, Group }.Select(Quote)) + "\n";

    private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
