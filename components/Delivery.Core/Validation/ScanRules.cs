using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary><c>release.scanSeverity</c>: a comma-separated list of Trivy severities, each once; and <c>release.gateScope</c>, one of <see cref="GateScopes"/>.</summary>
public static class ScanRules
{
    /// <summary>Trivy's severities, lowest first: what its <c>--severity</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Severities = ["UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

    public static IEnumerable<ConfigProblem> Check(ReleaseConfig release)
    {
        if (!GateScopes.All.Contains(release.GateScope, StringComparer.Ordinal))
        {
            var scope = ConfigPath.Root("release").Key("gateScope");
            yield return ConfigProblem.Error(scope, release.GateScope, $"must be {string.Join(" or ", GateScopes.All)}.",
                $"pulumi config set --path {scope} {Suggestions.Closest(release.GateScope, GateScopes.All) ?? GateScopes.App}.");
        }
        var key = ConfigPath.Root("release").Key("scanSeverity");
        var parts = release.ScanSeverity.Split(',', StringSplitOptions.TrimEntries);
        var unknown = parts.Where(p => !Severities.Contains(p, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            yield return ConfigProblem.Error(key, release.ScanSeverity,
                $"must be Trivy severities separated by commas, from {string.Join(',', Severities)} (upper case); {string.Join(", ", unknown.Select(u => u.Length == 0 ? "an empty one" : $"\"{u}\""))} is not one.",
                $"pulumi config set --path {key} HIGH,CRITICAL.");
        }
        else if (parts.Distinct(StringComparer.Ordinal).Count() != parts.Length)
        {
            yield return ConfigProblem.Error(key, release.ScanSeverity, "names a severity twice.", $"pulumi config set --path {key} HIGH,CRITICAL.");
        }
        else if (!parts.Contains("CRITICAL", StringComparer.Ordinal))
        {
            yield return ConfigProblem.Error(key, release.ScanSeverity,
                "must include CRITICAL: a release scan that lets critical findings through gates nothing.",
                $"pulumi config set --path {key} {string.Join(',', parts.Append("CRITICAL"))}.");
        }
    }

    /// <summary>The severities in Trivy's order, comma-separated, as the workflow passes them to <c>--severity</c>.</summary>
    public static string Normalized(ReleaseConfig release) =>
        string.Join(',', Severities.Where(s => release.ScanSeverity.Split(',', StringSplitOptions.TrimEntries).Contains(s, StringComparer.Ordinal)));
}
