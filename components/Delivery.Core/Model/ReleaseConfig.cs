namespace Delivery.Core.Model;

/// <summary>The release gate's own settings (beyond <c>verify</c>): what the image scan fails on.</summary>
public sealed class ReleaseConfig
{
    /// <summary>
    /// The Trivy severities that fail the image scan of a release, comma-separated from
    /// <c>UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL</c> (Trivy's <c>--severity</c>); tier defaults fill it.
    /// </summary>
    public string ScanSeverity { get; set; } = "";
}
