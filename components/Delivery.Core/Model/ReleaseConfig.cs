namespace Delivery.Core.Model;

/// <summary>The release gate's own settings (beyond <c>verify</c>): what the image scan fails on, whose alerts gate, the ticket an app change names, which chat hears of it, where incidents are filed.</summary>
public sealed class ReleaseConfig
{
    /// <summary>
    /// The Trivy severities that fail the image scan of a release, comma-separated from
    /// <c>UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL</c> (Trivy's <c>--severity</c>); tier defaults fill it.
    /// </summary>
    public string ScanSeverity { get; set; } = "";

    /// <summary>
    /// Whose alerts and error budgets the gate judges a release by: <c>app</c> (the released apps' and
    /// the platform's, as Flagger and Argo Rollouts gate per app) or <c>stack</c> (every app's).
    /// </summary>
    public string GateScope { get; set; } = GateScopes.App;

    /// <summary>
    /// The ticket id every app change must name (in its commit message or pull request title), as a
    /// .NET regular expression; the app pipeline refuses a change without one. Default: Jira-style
    /// keys such as <c>SHOP-123</c>.
    /// </summary>
    public string TicketPattern { get; set; } = TicketPatterns.Default;

    /// <summary>Where approval requests and gate refusals are posted (<c>deliver notify</c>).</summary>
    public ChatConfig Chat { get; set; } = new();

    /// <summary>Where automatic rollbacks file incident issues (<c>deliver incident</c>).</summary>
    public IncidentsConfig Incidents { get; set; } = new();
}
