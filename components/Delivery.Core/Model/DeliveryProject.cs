namespace Delivery.Core.Model;

/// <summary>Facts about the Pulumi project that the core must agree with (see Pulumi.yaml).</summary>
public static class DeliveryProject
{
    /// <summary>The project name: the namespace of every config key (<c>delivery-platform:apps</c>).</summary>
    public const string Name = "delivery-platform";

    /// <summary>Prefix of environment variables that override config, e.g. <c>DELIVERY_apps__api__green</c>.</summary>
    public const string EnvironmentPrefix = "DELIVERY_";
}
