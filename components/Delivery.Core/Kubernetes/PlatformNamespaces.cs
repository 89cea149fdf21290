namespace Delivery.Core.Kubernetes;

/// <summary>The namespaces the platform creates; one concern each, so policies stay per concern.</summary>
public static class PlatformNamespaces
{
    public const string Apps = "apps";
    public const string Gateway = "gateway";
    public const string Registry = "registry";
    public const string Ci = "ci";
    public const string Monitoring = "monitoring";
}
