namespace Delivery.Core.Monitoring;

/// <summary>The <c>severity</c> label values, each routed to its own receiver by Alertmanager.</summary>
public static class AlertSeverity
{
    /// <summary>Pages on-call.</summary>
    public const string Critical = "critical";

    /// <summary>Goes to team chat.</summary>
    public const string Warning = "warning";

    /// <summary>Goes to the product channel (release notices).</summary>
    public const string Info = "info";
}
