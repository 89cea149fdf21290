using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using Deliver.Tests.Monitoring;

namespace Deliver.Tests;

/// <summary>
/// The app pipelines' promotion step (.ci/propose-promotion, not a copy) in a scratch platform
/// repository with a bare origin: against a fake <c>gh</c> that records its arguments and body, and
/// against a fake GitLab API on loopback (real HTTP). Then lead time for changes, read back by
/// <c>deliver history --dora</c> from the trailers the promotion commit carries.
/// </summary>
public sealed class PromotionScriptTests : IDisposable
{
    private static readonly string Digest = "sha256:" + new string('d', 64);
    private static readonly string Release = $"1.6.0-abc1234@{Digest}";
    private const string AppCommit = "abc1234def567890abc1234def567890abc12345";

    private readonly string _scratch = Directory.CreateTempSubdirectory("promotion-").FullName;
    private readonly ProjectCopy _project = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private const string FakeGh = """
        #!/usr/bin/env bash
        # A fake gh: records its arguments one a line and the body file's text; prints a pull request URL.
        set -euo pipefail
        printf '%s\n' "$@" > "$FAKE_GH_CALLS"
        while (($#)); do [[ $1 == --body-file ]] && cp "$2" "$FAKE_GH_CALLS.body"; shift; done
        echo "https://github.com/acme/platform/pull/7"
        """;

    public PromotionScriptTests()
    {
        var origin = Path.Combine(_scratch, "origin.git");
        _project.Git("init", "-q", "--bare", origin);
        _project.Git("remote", "add", "origin", origin);
        _project.Git("push", "-q", "origin", "main");
    }

    private sealed record Run(int ExitCode, string Output);

    private string At(TimeSpan ago) => (_now - ago).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private Run Propose(string changeText, IReadOnlyDictionary<string, string> forge)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestRepository.Root(), ".ci", "propose-promotion"), "api", Release, "dev"])
        {
            WorkingDirectory = _project.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var bin = FakeTool.Install(_scratch, "gh", FakeGh);
        start.Environment["PATH"] = $"{bin}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["DELIVER"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "deliver.dll")}";
        start.Environment["APP_CHANGE_TEXT"] = changeText;
        start.Environment["APP_COMMIT"] = AppCommit;
        start.Environment["APP_COMMIT_TIME"] = At(TimeSpan.FromHours(5));
        start.Environment["APP_COMMIT_URL"] = $"https://github.com/acme/shop-api/commit/{AppCommit}";
        start.Environment["TICKET_URL"] = "https://jira.example.com/browse/{ticket}";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        foreach (var (key, value) in TestRepository.Identity("Pipeline", At(TimeSpan.FromHours(2))).Concat(forge))
            start.Environment[key] = value;
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        if (!script.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            script.Kill(entireProcessTree: true);
            Assert.Fail("the promotion script did not finish within 2 minutes");
        }
        return new Run(script.ExitCode, $"{output.Result}\n{error.Result}");
    }

    private string GhCalls => Path.Combine(_scratch, "gh-calls");

    private Dictionary<string, string> GitHub => new() { ["FORGE"] = "github", ["PLATFORM_REPOSITORY"] = "acme/platform", ["FAKE_GH_CALLS"] = GhCalls };

    [Fact]
    public void On_GitHub_the_promotion_is_one_commit_on_a_pushed_branch_and_a_pull_request_with_the_release_summary()
    {
        var run = Propose("SHOP-42: faster checkout", GitHub);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("https://github.com/acme/platform/pull/7", run.Output, StringComparison.Ordinal);
        Assert.Equal(["pr", "create", "--repo", "acme/platform", "--base", "main", "--head", "promote/dev/api/1.6.0-abc1234",
            "--title", "Promote api 1.6.0-abc1234 to dev (SHOP-42)", "--body-file"], File.ReadAllLines(GhCalls)[..^1]);
        var body = File.ReadAllText($"{GhCalls}.body");
        Assert.Contains($"built from [abc1234def56](https://github.com/acme/shop-api/commit/{AppCommit}) for [SHOP-42](https://jira.example.com/browse/SHOP-42)", body, StringComparison.Ordinal);
        Assert.Contains("dev: releases against HEAD", body, StringComparison.Ordinal);
        Assert.Contains($"api  promote  blue  1.5.0 → {Release}", body, StringComparison.Ordinal);
        Assert.EndsWith($"Ticket: SHOP-42\n", body, StringComparison.Ordinal);
        var pushed = _project.Git("show", "origin/promote/dev/api/1.6.0-abc1234:stacks/Pulumi.dev.yaml");
        Assert.Contains($"blue: {Release}", pushed, StringComparison.Ordinal);
        var trailers = _project.Git("log", "-1", "--format=%(trailers:only,unfold)", "origin/promote/dev/api/1.6.0-abc1234");
        Assert.Equal($"Delivery-App: api\nDelivery-Version: {Release}\nApp-Commit: {AppCommit}\nApp-Commit-Time: {At(TimeSpan.FromHours(5))}\nTicket: SHOP-42\n\n", trailers);
    }

    [Fact]
    public void A_change_that_names_no_ticket_proposes_nothing()
    {
        var run = Propose("faster checkout", GitHub);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("names no ticket: release.ticketPattern of stack dev", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(GhCalls));
        Assert.Equal("main\n", _project.Git("branch", "--show-current"));
        Assert.DoesNotContain("promote/", _project.Git("ls-remote", "origin"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lead_time_for_changes_runs_from_the_app_commit_to_live_even_through_a_merge_commit()
    {
        Assert.True(Propose("SHOP-42: faster checkout", GitHub).ExitCode == 0);
        _project.Git("switch", "-q", "main");
        TestRepository.Git(_project.Root, TestRepository.Identity("Reviewer", At(TimeSpan.FromMinutes(90))), "merge", "-q", "--no-ff", "-m", "Merge pull request #7", "promote/dev/api/1.6.0-abc1234");
        Assert.Equal(0, _project.Run("switch", "api", "--stack", "dev").ExitCode);
        _project.Commit("Release", At(TimeSpan.FromHours(1)), "switch api");

        var (code, output, error) = _project.Run("history", "--dora", "--json", "--stack", "dev");

        Assert.True(code == 0, error);
        var lead = JsonDocument.Parse(output).RootElement.GetProperty("stacks")[0].GetProperty("leadTimeFromCommit");
        Assert.Equal(1, lead.GetProperty("deployments").GetInt32());
        // The app commit 5 h ago, live 1 h ago.
        Assert.Equal(TimeSpan.FromHours(4), XmlConvert.ToTimeSpan(lead.GetProperty("median").GetString()!));
        Assert.Contains("lead time for changes (app commit → live in dev): median 4h", _project.Run("history", "--dora", "--stack", "dev").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void On_GitLab_the_merge_request_goes_to_the_API_with_the_projects_token()
    {
        using var gitlab = new FakeGitLab();

        var run = Propose("Faster checkout\n\nRefs SHOP-42", new Dictionary<string, string>
        {
            ["FORGE"] = "gitlab",
            ["GITLAB_API_URL"] = $"{gitlab.Url}/api/v4",
            ["GITLAB_PROJECT"] = "acme%2Fplatform",
            ["GITLAB_TOKEN"] = "glpat-test",
        });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("https://gitlab.example.com/acme/platform/-/merge_requests/3", run.Output, StringComparison.Ordinal);
        var request = Assert.Single(gitlab.Requests);
        Assert.Equal("POST /api/v4/projects/acme%2Fplatform/merge_requests", request.Line);
        Assert.Equal("glpat-test", request.Token);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("promote/dev/api/1.6.0-abc1234", json.RootElement.GetProperty("source_branch").GetString());
        Assert.Equal("main", json.RootElement.GetProperty("target_branch").GetString());
        Assert.Equal("Promote api 1.6.0-abc1234 to dev (SHOP-42)", json.RootElement.GetProperty("title").GetString());
        Assert.True(json.RootElement.GetProperty("remove_source_branch").GetBoolean());
        Assert.Contains("dev: releases against HEAD", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains($"App-Commit: {AppCommit}", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The merge requests endpoint of GitLab's REST API on loopback: records each request, answers 201 with the new MR's web_url.</summary>
    private sealed class FakeGitLab : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Thread _loop;

        public FakeGitLab()
        {
            Url = $"http://127.0.0.1:{LocalServer.FreePort()}";
            _listener.Prefixes.Add($"{Url}/");
            _listener.Start();
            _loop = new Thread(Serve) { IsBackground = true, Name = "fake-gitlab" };
            _loop.Start();
        }

        public string Url { get; }

        public List<(string Line, string? Token, string Body)> Requests { get; } = [];

        private void Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = _listener.GetContext();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                // RawUrl keeps the project's %2F as sent: GitLab takes the URL-encoded path as the id.
                lock (Requests)
                    Requests.Add(($"{context.Request.HttpMethod} {context.Request.RawUrl}", context.Request.Headers["PRIVATE-TOKEN"], reader.ReadToEnd()));
                var bytes = Encoding.UTF8.GetBytes("""{"iid": 3, "web_url": "https://gitlab.example.com/acme/platform/-/merge_requests/3"}""");
                context.Response.StatusCode = 201;
                context.Response.ContentType = "application/json";
                context.Response.OutputStream.Write(bytes);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _loop.Join(TimeSpan.FromSeconds(5));
        }
    }

    public void Dispose()
    {
        _project.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
