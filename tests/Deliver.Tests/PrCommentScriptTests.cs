using System.Diagnostics;
using Deliver.Tests.Monitoring;

namespace Deliver.Tests;

/// <summary>
/// The preview workflow's comment script (.ci/pr-comment, not a copy) against a fake <c>gh</c> that
/// answers the comment list with real jq over a canned page and records each write, so the marker
/// lookup, the edit-or-post choice and the body are the script's own.
/// </summary>
public sealed class PrCommentScriptTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("pr-comment-").FullName;

    private const string FakeGh = """
        #!/usr/bin/env bash
        # A fake gh api: lists the canned comments through the caller's own --jq, records writes and their body.
        set -euo pipefail
        [[ $1 == api ]] || exit 64
        shift
        method=GET jq= body=
        while (($#)); do
          case $1 in
            --paginate) ;;
            --method) method=$2; shift ;;
            --jq) jq=$2; shift ;;
            -F) body=${2#body=@}; shift ;;
            *) url=$1 ;;
          esac
          shift
        done
        if [[ $method == GET ]]; then jq -r "$jq" "$FAKE_GH_COMMENTS"; exit; fi
        printf '%s %s\n' "$method" "$url" >> "$FAKE_GH_CALLS"
        cp "$body" "$FAKE_GH_CALLS.body"
        """;

    private sealed record Run(int ExitCode, string Output, IReadOnlyList<string> Writes, string Body);

    private Run Comment(string comments, string? result)
    {
        LocalServer.Require("jq", "jq");
        var bin = FakeTool.Install(_scratch, "gh", FakeGh);
        var listing = Path.Combine(_scratch, "comments.json");
        File.WriteAllText(listing, comments);
        var file = Path.Combine(_scratch, "result.md");
        if (result is not null)
            File.WriteAllText(file, result);
        var calls = Path.Combine(_scratch, "calls");
        var start = new ProcessStartInfo("bash", [Path.Combine(TestRepository.Root(), ".ci", "pr-comment"), "release-scans", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{bin}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["GITHUB_REPOSITORY"] = "acme/shop";
        start.Environment["PR"] = "17";
        start.Environment["FAKE_GH_COMMENTS"] = listing;
        start.Environment["FAKE_GH_CALLS"] = calls;
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        if (!script.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            script.Kill(entireProcessTree: true);
            Assert.Fail("the comment script did not finish within 30 s");
        }
        return new Run(script.ExitCode, $"{output.Result}\n{error.Result}", File.Exists(calls) ? File.ReadAllLines(calls) : [],
            File.Exists($"{calls}.body") ? File.ReadAllText($"{calls}.body") : "");
    }

    private const string Others = """
        [{"id": 7, "body": "#### :tropical_drink: `preview` on dev\n<!-- delivery-platform:release-scans --> quoted later in a reply"},
         {"id": 8, "body": "looks good"}]
        """;

    [Fact]
    public void The_first_result_is_posted_with_its_marker()
    {
        var run = Comment(Others, "### IaC scan of dev\n\nIaC scan passed\n");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["POST repos/acme/shop/issues/17/comments"], run.Writes);
        Assert.Equal("<!-- delivery-platform:release-scans -->\n### IaC scan of dev\n\nIaC scan passed\n", run.Body);
    }

    [Fact]
    public void A_later_result_edits_the_comment_that_starts_with_the_marker_and_no_other()
    {
        var comments = Others.Replace("]", """, {"id": 42, "body": "<!-- delivery-platform:release-scans -->\nold"}]""", StringComparison.Ordinal);

        var run = Comment(comments, "new\n");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["PATCH repos/acme/shop/issues/comments/42"], run.Writes);
        Assert.EndsWith("\nnew\n", run.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_wrote_nothing_still_says_so_on_the_pull_request()
    {
        var run = Comment("[]", result: null);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("**release-scans:** no result was written; see the job log.", run.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_past_GitHubs_limit_is_cut_with_a_note()
    {
        var run = Comment("[]", new string('x', 70_000));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(run.Body.Length < 65_536, $"{run.Body.Length} characters");
        Assert.Contains("cut at 60000 characters", run.Body, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
