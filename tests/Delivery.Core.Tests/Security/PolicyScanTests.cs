using Delivery.Core.Configuration;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// @monokle/validation (tools/policy-check) over every committed stack: every rendered object, the
/// Secrets the shell creates and the pod templates inside the ARC job ConfigMap and the runner
/// scale set's values. No error, and only the warnings docs/SECURITY.md lists and justifies.
/// </summary>
public sealed class PolicyScanTests
{
    public static TheoryData<string> Stacks() => ["local", "dev", "staging", "prod"];

    /// <summary>
    /// The accepted warnings, as (rule, object) with <c>*</c> for any one name or namespace, from
    /// tools/policy-check/accepted.json (the one list; the release workflow's scan reads it too); the
    /// reason for each is there and in docs/SECURITY.md under the same rule id.
    /// </summary>
    public static readonly IReadOnlyList<(string Rule, string Object)> Accepted = ReadAccepted();

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
        return PlatformRenderer.Render(loaded.Config, loaded.Tier!.Value);
    }

    internal static bool IsAccepted(PolicyCheck.Finding finding) =>
        Accepted.Any(a => a.Rule == finding.Rule && Matches(a.Object, finding.Object));

    private static bool Matches(string pattern, string @object) =>
        System.Text.RegularExpressions.Regex.IsMatch(@object, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace(@"\*", "[^/]+", StringComparison.Ordinal) + "$");

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_scanner_finds_no_error_and_only_the_accepted_warnings_in_any_stack(string stack)
    {
        var findings = PolicyCheck.Run(ScanInput.Yaml(Render(stack)));

        Assert.True(findings.All(f => f.Level != "error"), string.Join('\n', findings.Where(f => f.Level == "error")));
        var unexpected = findings.Where(f => !IsAccepted(f)).ToList();
        Assert.True(unexpected.Count == 0, "warnings not accepted in docs/SECURITY.md:\n" + string.Join('\n', unexpected));
    }

    [Fact]
    public void The_scanner_sees_the_embedded_pod_templates_and_fails_a_privileged_one()
    {
        var rendering = Render("dev");
        Assert.Equal(["Pod/ci/github-job-template", "Pod/ci/github-release-job-template", "Pod/ci/github-release-runner-template", "Pod/ci/github-runner-template"],
            ScanInput.EmbeddedPods(rendering).Select(p => p.Id).Order(StringComparer.Ordinal));

        // The same job template with root and NET_RAW in a restricted namespace: the scanner must say so.
        var yaml = ScanInput.Yaml(rendering).Replace("pod-security.kubernetes.io/enforce: baseline", "pod-security.kubernetes.io/enforce: restricted", StringComparison.Ordinal);
        var findings = PolicyCheck.Run(yaml);
        Assert.Contains(findings, f => f is { Level: "error", Object: "Pod/ci/github-job-template" } && f.Rule.StartsWith("PSS203", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_accepted_warning_is_still_found_somewhere_or_it_is_dropped_from_the_list()
    {
        var all = new[] { "local", "dev", "staging", "prod" }.SelectMany(stack => PolicyCheck.Run(ScanInput.Yaml(Render(stack)))).ToList();
        var withGitLab = PolicyCheck.Run(ScanInput.Yaml(PlatformRenderer.Render(Ci.CiFixtures.GitLab(), Model.Tier.Dev)));

        foreach (var accepted in Accepted)
        {
            Assert.True(all.Concat(withGitLab).Any(f => f.Rule == accepted.Rule && Matches(accepted.Object, f.Object)),
                $"{accepted.Rule} on {accepted.Object} is no longer reported: remove it from the list and from docs/SECURITY.md.");
        }
    }
}
