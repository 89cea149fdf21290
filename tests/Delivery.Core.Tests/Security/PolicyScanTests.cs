using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Model;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Tools;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// The release gate's IaC scan (tools/policy-check/scan-render.mjs, through <see cref="PolicyCheck"/>)
/// over every committed stack: every rendered object, the Secrets the shell creates and the pod
/// templates inside the ARC job ConfigMaps and the runner scale sets' values. No error, and only the
/// warnings tools/policy-check/accepted.json lists and docs/SECURITY.md justifies.
/// </summary>
public sealed class PolicyScanTests
{
    public static TheoryData<string> Stacks() => ["local", "dev", "staging", "prod"];

    /// <summary>The accepted warnings as (rule, object pattern), from tools/policy-check/accepted.json, the one list.</summary>
    private static readonly IReadOnlyList<(string Rule, string Object)> Accepted = ReadAccepted();

    private static List<(string Rule, string Object)> ReadAccepted()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "tools", "policy-check", "accepted.json")));
        return json.RootElement.GetProperty("accepted").EnumerateArray()
            .Select(e => (e.GetProperty("rule").GetString()!, e.GetProperty("object").GetString()!))
            .ToList();
    }

    private static PlatformRendering Render(string stack)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return PlatformRenderer.Render(loaded.Valid());
    }

    /// <summary>No error, and every warning one that accepted.json lists.</summary>
    internal static void AssertOnlyAccepted(IReadOnlyList<PolicyCheck.Finding> findings)
    {
        Assert.True(findings.All(f => f.Level != "error"), string.Join('\n', findings.Where(f => f.Level == "error")));
        var unexpected = findings.Where(f => f.AcceptedAs is null).ToList();
        Assert.True(unexpected.Count == 0, "warnings not accepted in tools/policy-check/accepted.json and docs/SECURITY.md:\n" + string.Join('\n', unexpected));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_scanner_finds_no_error_and_only_the_accepted_warnings_in_any_stack(string stack) =>
        AssertOnlyAccepted(PolicyCheck.Scan(Render(stack)));

    [Fact]
    public void The_scanner_sees_the_embedded_pod_templates_and_fails_a_privileged_one()
    {
        var folder = Directory.CreateTempSubdirectory("policy-scan-").FullName;
        try
        {
            RenderFolderWriter.Write(Render("dev"), folder);
            var embedded = PolicyCheck.ScanFolder(folder).Select(f => f.Object).Where(o => o.StartsWith("Pod/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(["Pod/ci-release/github-release-job-template", "Pod/ci-release/github-release-runner-template", "Pod/ci/github-job-template", "Pod/ci/github-runner-template"], embedded);

            // The same job template with root and Kaniko's capabilities in a restricted namespace: the scanner must say so.
            var baseline = Path.Combine(folder, "cluster-baseline.yaml");
            File.WriteAllText(baseline, File.ReadAllText(baseline).Replace("pod-security.kubernetes.io/enforce: baseline", "pod-security.kubernetes.io/enforce: restricted", StringComparison.Ordinal));
            Assert.Contains(PolicyCheck.ScanFolder(folder), f => f is { Level: "error", Object: "Pod/ci/github-job-template" } && f.Rule.StartsWith("PSS203", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_accepted_warning_is_still_found_somewhere_or_it_is_dropped_from_the_list()
    {
        var all = new[] { "local", "dev", "staging", "prod" }.Select(Render).Append(PlatformRenderer.Render(Ci.CiFixtures.GitLab().Valid(Tier.Dev)))
            .SelectMany(PolicyCheck.Scan).ToList();

        foreach (var accepted in Accepted)
        {
            Assert.True(all.Any(f => f.Rule == accepted.Rule && f.AcceptedAs == accepted.Object),
                $"{accepted.Rule} on {accepted.Object} is no longer reported: remove it from the list and from docs/SECURITY.md.");
        }
    }
}
