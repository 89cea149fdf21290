namespace Delivery.Core.Model;

/// <summary>
/// The whole stack configuration, bound from the <c>delivery-platform:*</c> keys. Property names
/// are the config keys in camelCase (<c>Apps</c> is <c>delivery-platform:apps</c>). Defaults come
/// from <c>Configuration/TierDefaults</c> and the initialisers here.
/// </summary>
public sealed class DeliveryConfig
{
    /// <summary>The tier: local, dev, staging or prod.</summary>
    public string Environment { get; set; } = "";

    /// <summary>The stack whose live versions gate promotions into this one (prod ← staging ← dev).</summary>
    public string Upstream { get; set; } = "";

    /// <summary>Protect stateful resources (registry and monitoring storage) from deletion.</summary>
    public bool Protect { get; set; }

    public FreezeConfig Freeze { get; set; } = new();

    public VerifyConfig Verify { get; set; } = new();

    public ReleaseConfig Release { get; set; } = new();

    public ClusterConfig Cluster { get; set; } = new();

    public RegistryConfig Registry { get; set; } = new();

    public CiConfig Ci { get; set; } = new();

    public MonitoringConfig Monitoring { get; set; } = new();

    public AccessConfig Access { get; set; } = new();

    public Dictionary<string, AppConfig> Apps { get; set; } = new(StringComparer.Ordinal);
}
