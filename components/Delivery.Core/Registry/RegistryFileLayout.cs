namespace Delivery.Core.Registry;

/// <summary>
/// Where the registry keeps its data and password file and where it listens: the only parts of its
/// <c>config.yml</c> that depend on where it runs (the cluster's pod, or a test on loopback).
/// </summary>
public sealed record RegistryFileLayout(string StorageDirectory, string HtpasswdPath, string ListenAddress, string MetricsAddress)
{
    public const int HttpPort = Network.PlatformPorts.Registry;
    public const int MetricsPort = Network.PlatformPorts.RegistryMetrics;
    public const string ConfigDirectory = "/etc/docker/registry";
    public const string ConfigFileName = "config.yml";
    public const string ConfigPath = ConfigDirectory + "/" + ConfigFileName;
    public const string AuthDirectory = "/auth";
    public const string HtpasswdFileName = "htpasswd";

    /// <summary>The layout inside the registry pod: volume, Secret mount and container ports.</summary>
    public static RegistryFileLayout InCluster { get; } =
        new("/var/lib/registry", AuthDirectory + "/" + HtpasswdFileName, $":{HttpPort}", $":{MetricsPort}");
}
