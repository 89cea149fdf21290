using System.Text.RegularExpressions;

namespace Delivery.Core.Tests.Tools;

/// <summary>
/// Runs @monokle/validation (tools/policy-check: pod-security-standards with every rule on,
/// practices, resource-links; all offline) over multi-document YAML and returns its findings.
/// </summary>
internal static partial class PolicyCheck
{
    public sealed record Finding(string Level, string Rule, string Object, string Path, string Message)
    {
        public override string ToString() => $"{Level} {Rule} {Object} {Path}";
    }

    public static IReadOnlyList<Finding> Run(string yaml)
    {
        var folder = Path.Combine(TestRepository.Root(), "tools", "policy-check");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@monokle", "validation")))
            throw new InvalidOperationException("tools/policy-check is not installed: run npm ci --prefix tools/policy-check.");
        var result = ExternalTool.Run("node", [Path.Combine(folder, "check.mjs"), "-"], yaml, timeout: TimeSpan.FromMinutes(3));
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode is 0 or 1 && lines.Length > 0 && lines[^1].StartsWith("policy-check: ", StringComparison.Ordinal),
            $"policy-check did not run:\n{result.All}");
        var findings = lines[..^1].Select(line => FindingLine().Match(line)).ToList();
        Assert.All(findings, match => Assert.True(match.Success, $"unexpected policy-check line: {match.Value}"));
        var parsed = findings.Select(m => new Finding(m.Groups["level"].Value, m.Groups["rule"].Value, m.Groups["object"].Value, m.Groups["path"].Value, m.Groups["message"].Value)).ToList();
        Assert.Equal(result.ExitCode == 1, parsed.Any(f => f.Level == "error"));
        return parsed;
    }

    // "error PSS202 pod-security-standards/privilege-escalation Deployment/apps/x spec.…: message"
    [GeneratedRegex(@"^(?<level>error|warning) (?<rule>[A-Z]+\d+ [a-z-]+/[a-z0-9-]+) (?<object>\S+) (?<path>\S*): (?<message>.*)$")]
    private static partial Regex FindingLine();
}
