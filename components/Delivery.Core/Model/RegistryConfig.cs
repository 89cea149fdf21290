namespace Delivery.Core.Model;

/// <summary>The container registry apps are pulled from and CI pushes to.</summary>
public sealed class RegistryConfig
{
    public const string Docker = "docker";
    public const string InCluster = "in-cluster";
    public const string External = "external";
    public static readonly IReadOnlyList<string> Modes = [Docker, InCluster, External];

    /// <summary><c>docker</c> (local container), <c>in-cluster</c> or <c>external</c>.</summary>
    public string Mode { get; set; } = "";

    /// <summary><see cref="Mode"/> typed; null while it names none, which validation refuses before anything renders.</summary>
    public RegistryMode? Kind => Mode switch
    {
        Docker => RegistryMode.Docker,
        InCluster => RegistryMode.InCluster,
        External => RegistryMode.External,
        _ => null,
    };

    /// <summary>docker: the host port on loopback the registry is published on.</summary>
    public int HostPort { get; set; } = 5000;

    /// <summary>in-cluster: the host name the registry is served on through the cluster Gateway.</summary>
    public string Host { get; set; } = "";

    /// <summary>in-cluster: size of the registry's volume.</summary>
    public string StorageSize { get; set; } = "";

    /// <summary>external: registry address without scheme, e.g. <c>ghcr.io/acme</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>The user CI pushes as (external: given, when runners exist; in-cluster: the htpasswd push user).</summary>
    public string Username { get; set; } = "";

    /// <summary>external: the push password or token, as a secret (in-cluster generates its own).</summary>
    public SecretValue Password { get; set; } = SecretValue.Missing;

    /// <summary>The user the cluster pulls app images as (external: a read-only token's user; in-cluster: the htpasswd pull user).</summary>
    public string PullUsername { get; set; } = "";

    /// <summary>external: the read-only pull password or token, as a secret (in-cluster generates its own).</summary>
    public SecretValue PullPassword { get; set; } = SecretValue.Missing;
}
