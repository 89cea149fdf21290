namespace Delivery.Core.Model;

/// <summary>Where the Kubernetes cluster comes from.</summary>
public sealed class ClusterConfig
{
    public const string K3sDocker = "k3s-docker";
    public const string Existing = "existing";
    public static readonly IReadOnlyList<string> Modes = [K3sDocker, Existing];

    /// <summary><c>k3s-docker</c> (a k3s server in a local Docker container) or <c>existing</c>.</summary>
    public string Mode { get; set; } = "";

    /// <summary><see cref="Mode"/> typed; null while it names none, which validation refuses before anything renders.</summary>
    public ClusterMode? Kind => Mode switch
    {
        K3sDocker => ClusterMode.K3sDocker,
        Existing => ClusterMode.Existing,
        _ => null,
    };

    /// <summary>Permits <c>k3s-docker</c> on a tier other than local (a throw-away CI cluster, say).</summary>
    public bool AllowK3sOutsideLocal { get; set; }

    public K3sConfig K3s { get; set; } = new();

    /// <summary>Existing cluster: the kubeconfig, as a secret.</summary>
    public SecretValue Kubeconfig { get; set; } = SecretValue.Missing;

    /// <summary>Existing cluster: the kubeconfig context to use; empty for its current context.</summary>
    public string Context { get; set; } = "";

    /// <summary>The cluster's own address ranges (nodes, pods, Services) as CIDRs: no app's egress may reach into them.</summary>
    public List<string> Networks { get; set; } = [];

    /// <summary>
    /// Where the API server answers, as <c>CIDR:port</c> (the addresses of the <c>kubernetes</c>
    /// Service's EndpointSlice, which policies see after its DNAT). Set, the pods that call the API
    /// reach only these; unset, any address on 443 and 6443.
    /// </summary>
    public List<string> ApiServerEndpoints { get; set; } = [];
}

/// <summary>The local k3s server container.</summary>
public sealed class K3sConfig
{
    public string Image { get; set; } = Pins.K3s.Image;

    public string Version { get; set; } = Pins.K3s.Version;

    /// <summary>Host port (on loopback) that publishes the Kubernetes API.</summary>
    public int ApiPort { get; set; } = 6443;

    /// <summary>Extra names and addresses for the API server certificate.</summary>
    public List<string> TlsSans { get; set; } = [];
}
