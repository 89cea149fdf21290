using System.Text.Json;
using Delivery.Core.Io;
using Delivery.Core.Platform;

namespace Delivery.Core.Tests.Tools;

/// <summary>
/// The release gate's IaC scan (tools/policy-check/scan-render.mjs: @monokle/validation with
/// pod-security-standards every rule on, practices, resource-links; all offline) over a rendering
/// written as the <see cref="RenderFolder"/> <c>deliver render --out</c> writes, so the tests scan
/// exactly what the release workflows scan, and judge it by the same accepted.json matching.
/// </summary>
internal static class PolicyCheck
{
    /// <param name="AcceptedAs">The accepted.json object pattern this warning matched, or null.</param>
    public sealed record Finding(string Level, string Rule, string Object, string Path, string Message, string? AcceptedAs)
    {
        public override string ToString() => $"{Level} {Rule} {Object} {Path}: {Message}";
    }

    public static IReadOnlyList<Finding> Scan(PlatformRendering rendering)
    {
        var folder = Directory.CreateTempSubdirectory("policy-scan-").FullName;
        try
        {
            RenderFolderWriter.Write(rendering, folder);
            return ScanFolder(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IReadOnlyList<Finding> ScanFolder(string folder)
    {
        var tool = Path.Combine(TestRepository.Root(), "tools", "policy-check");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "@monokle", "validation")))
            throw new InvalidOperationException("tools/policy-check is not installed: run npm ci --prefix tools/policy-check.");
        var result = ExternalTool.Run("node", [Path.Combine(tool, "scan-render.mjs"), folder, "--json"], timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode is 0 or 1 && result.Output.TrimStart().StartsWith('{'), $"the scan did not run:\n{result.All}");
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("objects").GetInt32() > 0, "the scan saw no object");
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new Finding(f.GetProperty("level").GetString()!, f.GetProperty("rule").GetString()!, f.GetProperty("object").GetString()!,
                f.GetProperty("path").GetString() ?? "", f.GetProperty("message").GetString()!,
                f.GetProperty("acceptedAs").ValueKind == JsonValueKind.String ? f.GetProperty("acceptedAs").GetString() : null))
            .ToList();
        Assert.Equal(result.ExitCode == 1, findings.Any(f => f.Level == "error"));
        return findings;
    }
}
