using System.Globalization;
using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Cluster;

/// <summary>
/// The admin kubeconfig of the local k3s server, built from the generated token (see
/// <see cref="K3sAdminToken"/>); the shell calls it inside an Apply and keeps the result secret.
/// TLS verification is skipped because k3s generates its CA inside the container, where the shell
/// cannot read it at plan time. That is acceptable only here: the server is 127.0.0.1, published on
/// loopback only, and only a k3s-docker cluster uses this kubeconfig.
/// </summary>
public static class LocalKubeconfig
{
    public const string Name = "delivery-platform-k3s";

    public static string Render(int apiPort, string token) =>
        YamlWriter.Write(Map(
            ("apiVersion", "v1"),
            ("kind", "Config"),
            ("clusters", List(Map(("name", Name), ("cluster", Map(
                ("server", $"https://{LocalDocker.Loopback}:{apiPort.ToString(CultureInfo.InvariantCulture)}"),
                ("insecure-skip-tls-verify", true)))))),
            ("users", List(Map(("name", K3sAdminToken.User), ("user", Map(("token", token)))))),
            ("contexts", List(Map(("name", Name), ("context", Map(("cluster", Name), ("user", K3sAdminToken.User)))))),
            ("current-context", Name)));
}
