namespace Delivery.Core.Model;

/// <summary>
/// How <c>deliver verify</c> judges a slot: at the top level for the stack (tier defaults fill it),
/// under <c>apps.&lt;name&gt;.verify</c> per app; an unset app value takes the stack's. The
/// thresholds themselves are the app's SLO (<c>slo</c>).
/// </summary>
public sealed class VerifyConfig
{
    /// <summary>Fewer requests than this in the window is "not enough traffic", never a pass.</summary>
    public int? MinRequests { get; set; }

    /// <summary>The PromQL range the rates and the p95 are taken over, a Prometheus duration (<c>5m</c>).</summary>
    public string Window { get; set; } = "";

    /// <summary>How long the newly live slot is watched after a switch before the release counts as done.</summary>
    public string BakeTime { get; set; } = "";

    /// <summary>The candidate's p95 may exceed the live slot's by at most this percent.</summary>
    public int? LatencyRegressionPercent { get; set; }
}
