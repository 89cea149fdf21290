using System.Diagnostics;
using Delivery.Core.Configuration;
using Delivery.Core.Release;
using Delivery.Core.Validation;

namespace Deliver.Tests.Monitoring;

/// <summary>What one run of the release script did: its exit, output, job summary, the fake pulumi's calls and the stack file each up applied.</summary>
internal sealed record ReleaseRun(int ExitCode, string Output, string Summary, IReadOnlyList<string> PulumiCalls, IReadOnlyList<string> Applied);

/// <summary>
/// Runs the deploy workflows' own release script (.ci/release-stack, not a copy) in a test project,
/// with a fake <c>pulumi</c> on PATH that records each call and posts the stack file it would apply
/// to <paramref name="deployedUrl"/> (so a deploy can change what a slot serves), against a real
/// Prometheus and Alertmanager; smoke tests go to <paramref name="smokeUrlTemplate"/> ({app}, {slot}).
/// </summary>
internal sealed class ReleaseScript(string scratch, string prometheus, string smokeUrlTemplate, string deployedUrl)
{
    private static readonly TimeSpan ScriptWithin = TimeSpan.FromMinutes(3);

    private const string FakePulumi = """
        #!/usr/bin/env bash
        # A fake pulumi: answers `stack output releaseState --json` with the test's deployed state (quoted, as
        # pulumi prints a string output); for `up`, records the call and the stack file it would apply, and
        # "deploys" it to the test's server (FAKE_PULUMI_DEPLOYED); `config get` answers only the chat webhook, when the test gives one.
        set -euo pipefail
        if [[ $1 == config && $2 == get ]]; then
          [[ $4 == *.chat.webhook && -n ${FAKE_PULUMI_CHAT_WEBHOOK:-} ]] || { echo "error: configuration key '$4' not found for stack" >&2; exit 255; }
          echo "$FAKE_PULUMI_CHAT_WEBHOOK"
          exit 0
        fi
        if [[ $1 == stack && $2 == output ]]; then
          [[ -f ${FAKE_PULUMI_STATE:-} ]] || { echo "error: current stack does not have output property 'releaseState'" >&2; exit 255; }
          cat "$FAKE_PULUMI_STATE"
          exit 0
        fi
        printf '%s\n' "$*" >> "$FAKE_PULUMI_CALLS"
        calls=$(wc -l < "$FAKE_PULUMI_CALLS")
        cp stacks/Pulumi.gates.yaml "$FAKE_PULUMI_CALLS.$calls.yaml"
        curl -fsS -X POST --data-binary @stacks/Pulumi.gates.yaml "$FAKE_PULUMI_DEPLOYED" > /dev/null
        """;

    /// <param name="refuse">A deliver command that refuses (exit 1), whatever its arguments, to drive the script down that path.</param>
    /// <param name="deployedAt">The revision whose stack file pulumi up last applied (its releaseState output); HEAD~1 unless said.</param>
    /// <param name="jobEnvironment">More variables of the job's environment (a pipeline's variables).</param>
    public ReleaseRun Run(GatesProject project, string alertmanager, string? overrideReason = null, string? refuse = null, string deployedAt = "HEAD~1",
        IReadOnlyDictionary<string, string>? jobEnvironment = null)
    {
        // The script smoke-tests with curl, and the fake pulumi posts with it.
        LocalServer.Require("curl", "curl");
        var bin = FakeTool.Install(scratch, "pulumi", FakePulumi);
        var calls = Path.Combine(scratch, "pulumi-calls");
        var summary = Path.Combine(scratch, "summary.md");
        var start = new ProcessStartInfo("bash", [Path.Combine(TestRepository.Root(), ".ci", "release-stack"), GatesProject.Stack])
        {
            WorkingDirectory = project.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{bin}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["PROMETHEUS_URL"] = prometheus;
        start.Environment["ALERTMANAGER_URL"] = alertmanager;
        var deliver = $"dotnet {Path.Combine(AppContext.BaseDirectory, "deliver.dll")}";
        start.Environment["DELIVER"] = refuse is null ? deliver : Path.Combine(FakeTool.Install(scratch, "refusing-deliver", $"""
            #!/usr/bin/env bash
            if [[ $1 == {refuse} ]]; then echo "refused: the test refuses deliver $1." >&2; exit 1; fi
            exec {deliver} "$@"
            """), "refusing-deliver");
        start.Environment["VERIFY_WINDOW"] = MonitoringFixture.Window;
        start.Environment["BAKE_INTERVAL"] = "1";
        start.Environment["SMOKE_URL_TEMPLATE"] = smokeUrlTemplate;
        start.Environment["RELEASE_SUMMARY"] = summary;
        start.Environment["RELEASE_PUSH"] = "origin main";
        start.Environment["FAKE_PULUMI_CALLS"] = calls;
        start.Environment["FAKE_PULUMI_STATE"] = DeployedState(project, deployedAt);
        start.Environment["FAKE_PULUMI_DEPLOYED"] = deployedUrl;
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        if (overrideReason is not null)
            start.Environment["GATE_OVERRIDE_REASON"] = overrideReason;
        foreach (var (key, value) in GatesProject.Identity.Concat(jobEnvironment ?? new Dictionary<string, string>()))
            start.Environment[key] = value;

        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        if (!script.WaitForExit(ScriptWithin))
        {
            script.Kill(entireProcessTree: true);
            Assert.Fail($"the release script did not finish within {ScriptWithin.TotalMinutes} minutes:\n{output.Result}\n{error.Result}");
        }
        var recorded = File.Exists(calls) ? File.ReadAllLines(calls) : [];
        return new ReleaseRun(script.ExitCode, $"{output.Result}\n{error.Result}", File.Exists(summary) ? File.ReadAllText(summary) : "", recorded,
            [.. recorded.Select((_, i) => File.ReadAllText($"{calls}.{i + 1}.yaml"))]);
    }

    /// <summary>The releaseState output pulumi up wrote when it applied the stack file of <paramref name="revision"/>, in a file.</summary>
    public string DeployedState(GatesProject project, string revision)
    {
        var text = project.Git("show", $"{revision}:stacks/Pulumi.{GatesProject.Stack}.yaml");
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Parse(text, GatesProject.Stack, revision), new Dictionary<string, string>());
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        var path = Path.Combine(scratch, "release-state.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(ReleaseStateJson.Write(ReleaseState.Of(loaded.Config))));
        return path;
    }
}
