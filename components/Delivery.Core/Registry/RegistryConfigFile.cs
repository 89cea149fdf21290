using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Registry;

/// <summary>
/// The distribution registry's own <c>config.yml</c> (schema <c>version: 0.1</c>, registry 2.8):
/// filesystem storage with deletes through the API off (no credential can delete an image or
/// layer; garbage collection works on the storage directly and needs none), htpasswd
/// authentication for every request, and health and Prometheus metrics on a separate debug listener.
/// </summary>
public static class RegistryConfigFile
{
    /// <summary>Where the probes and the metrics scrape go, on the debug listener.</summary>
    public const string HealthPath = "/debug/health";
    public const string MetricsPath = "/metrics";

    public static string Render(RegistryFileLayout layout) => YamlWriter.Write(Map(
        ("version", "0.1"),
        ("log", Map(("level", "info"), ("formatter", "json"), ("fields", Map(("service", "registry"))))),
        ("storage", Map(
            ("filesystem", Map(("rootdirectory", layout.StorageDirectory))),
            ("delete", Map(("enabled", false))),
            ("cache", Map(("blobdescriptor", "inmemory"))),
            // Abandoned uploads (a CI job killed mid-push) are removed after a week.
            ("maintenance", Map(("uploadpurging", Map(("enabled", true), ("age", "168h"), ("interval", "24h"), ("dryrun", false))))))),
        ("http", Map(
            ("addr", layout.ListenAddress),
            ("headers", Map(("X-Content-Type-Options", List("nosniff")))),
            ("debug", Map(("addr", layout.MetricsAddress), ("prometheus", Map(("enabled", true), ("path", MetricsPath))))))),
        ("auth", Map(("htpasswd", Map(("realm", "registry"), ("path", layout.HtpasswdPath))))),
        ("health", Map(("storagedriver", Map(("enabled", true), ("interval", "10s"), ("threshold", 3)))))));
}
