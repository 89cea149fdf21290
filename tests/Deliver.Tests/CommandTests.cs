using Delivery.Core.Configuration;
using Delivery.Core.Platform;
using Delivery.Core.Validation;
using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

public sealed class CommandTests
{
    [Fact]
    public void Check_all_stacks_exits_0_and_prints_the_secrets_to_set_and_an_unguarded_Grafana()
    {
        using var project = new ProjectCopy();

        var check = project.Run("check", "--all");

        Assert.Equal(0, check.ExitCode);
        Assert.Equal(["dev: valid (0 errors, 4 warnings)", "local: valid (0 errors, 0 warnings)", "prod: valid (0 errors, 4 warnings)", "staging: valid (0 errors, 6 warnings)"],
            check.Output.Trim().Split('\n'));
        Assert.Contains("dev, prod, staging: warning: delivery-platform:cluster.kubeconfig", check.Error, StringComparison.Ordinal);
        Assert.Contains("staging: warning: delivery-platform:registry.pullPassword", check.Error, StringComparison.Ordinal);
        Assert.Contains("prod: warning: delivery-platform:monitoring.grafanaHost = \"grafana.shop.example.com\"", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_1_with_every_problem_of_a_bad_stack()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("live: green", "live: purple", StringComparison.Ordinal).Replace("image: shop/web", "image: Shop/Web", StringComparison.Ordinal));

        var check = project.Run("check", "--stack", "dev");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("dev: error: delivery-platform:apps.api.live = \"purple\"", check.Error, StringComparison.Ordinal);
        Assert.Contains("dev: error: delivery-platform:apps.web.image = \"Shop/Web\"", check.Error, StringComparison.Ordinal);
        Assert.Contains("dev: invalid (2 errors, 4 warnings)", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_finds_an_upstream_that_is_no_stack_and_an_upstream_cycle()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("prod"), project.Stack("prod").Replace("upstream: staging", "upstream: stagin", StringComparison.Ordinal));
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("  delivery-platform:environment: dev\n", "  delivery-platform:environment: dev\n  delivery-platform:upstream: staging\n", StringComparison.Ordinal));

        var check = project.Run("check", "--all");
        var single = project.Run("check", "--stack", "staging");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("prod: error: delivery-platform:upstream = \"stagin\": names no stack in stacks/ (the stacks are dev, local, staging). Fix: did you mean \"staging\"?",
            CheckOutputTests.Unwrapped(check.Error), StringComparison.Ordinal);
        Assert.Contains("dev: error: delivery-platform:upstream = \"staging\": makes a cycle: dev ← staging ← dev", check.Error, StringComparison.Ordinal);
        Assert.Equal(1, single.ExitCode);
        Assert.Contains("staging: error: delivery-platform:upstream = \"dev\": makes a cycle: staging ← dev ← staging", single.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "check", "--stack", "nope" }, "error: no stack \"nope\"")]
    [InlineData(new[] { "check" }, "error: give --stack <name> or --all.")]
    [InlineData(new[] { "check", "--stack", "prod", "--all" }, "error: give either --stack <name> or --all, not both.")]
    public void Usage_mistakes_exit_2_with_one_clear_line(string[] args, string expected)
    {
        using var project = new ProjectCopy();

        var result = project.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_is_stable_across_runs_and_writes_one_file_per_component()
    {
        using var project = new ProjectCopy();
        var first = Path.Combine(project.Root, "out1");
        var second = Path.Combine(project.Root, "out2");

        var result = project.Run("render", "--stack", "prod", "--out", first);
        project.Run("render", "--stack", "prod", "--out", second);

        Assert.Equal(0, result.ExitCode);
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("app-api.yaml", files);
        Assert.Contains("cluster-baseline.yaml", files);
        Assert.Contains(files, f => f.StartsWith("charts", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(Path.Combine(first, file)), File.ReadAllText(Path.Combine(second, file)));
        Assert.Matches(@"^prod: \d+ objects in \d+ components, \d+ charts, 2 secrets \(described, never their values\), 2 apps", result.Output);
    }

    [Fact]
    public void Diff_against_a_file_reports_exactly_what_the_core_diff_predicts()
    {
        using var project = new ProjectCopy();
        var before = Path.Combine(project.Root, "prod-before.yaml");
        File.Copy(project.StackPath("prod"), before);
        Assert.Equal(0, project.Run("switch", "api", "--stack", "prod").ExitCode);
        Assert.Equal(0, project.Run("promote", "web", Pinned("2.4.0"), "--stack", "prod").ExitCode);

        var diff = project.Run("diff", "--stack", "prod", "--against", before);

        var expected = PlatformDiff.Between(Render(File.ReadAllText(before)), Render(project.Stack("prod")));
        Assert.Equal(0, diff.ExitCode);
        Assert.Equal(["+ Deployment/apps/web-green", "~ Service/apps/api"], expected.ToString().Split('\n'));
        Assert.Equal(expected.ToString() + "\nprod: 1 added, 0 removed, 1 changed (against " + before + ")", diff.Output.Trim());
    }

    [Fact]
    public void Diff_against_a_git_revision_reads_the_stack_file_at_that_revision()
    {
        using var project = new ProjectCopy(); // a git repository with the stacks committed
        Assert.Equal(0, project.Run("switch", "api", "--stack", "prod").ExitCode);

        var diff = project.Run("diff", "--stack", "prod", "--against", "HEAD");

        Assert.Equal(0, diff.ExitCode);
        Assert.Equal("~ Service/apps/api\nprod: 0 added, 0 removed, 1 changed (against HEAD)", diff.Output.Trim());
        Assert.Equal(2, project.Run("diff", "--stack", "prod", "--against", "no-such-revision").ExitCode);
    }

    [Fact]
    public void Status_shows_each_app_with_its_phase_live_version_first_and_upstream()
    {
        using var project = new ProjectCopy();

        var status = project.Run("status", "--stack", "prod");
        var wide = project.Run("status", "--stack", "prod", "--wide");

        Assert.Equal(0, status.ExitCode);
        var lines = status.Output.Split('\n');
        Assert.Equal("prod (prod, upstream staging)", lines[0]);
        Assert.Matches(@"^app\s+phase\s+live\s+idle\s+upstream live\s+rollback to$", lines[1]);
        Assert.Matches(@"^api\s+STAGED\s+1\.4\.2@8ec5a17 \(blue\)\s+1\.5\.0@1f4dc09 \(green\)\s+1\.5\.0@1f4dc09\s+none$", lines[2]);
        Assert.Matches(@"^web\s+STABLE\s+2\.3\.1@40c9eab \(blue\)\s+-\s+2\.3\.1@40c9eab \(=\)\s+none$", lines[3]);
        // --wide: idle replicas (web's idle slot has no version, so it runs no pods whatever idleReplicas says), release ids, longer digests.
        var wideLines = wide.Output.Split('\n');
        Assert.Matches(@"^api\s+STAGED\s+1\.4\.2@sha256:8ec5a17af827 \(blue\)\s+1\.5\.0@sha256:1f4dc096d58f \(green\)\s+1\.5\.0@sha256:1f4dc096d58f\s+none\s+3\s+1\.4\.2-sha256-8ec5a17af827-[0-9a-f]{10}\s+1\.5\.0-sha256-1f4dc096d58f-[0-9a-f]{10}$", wideLines[2]);
        Assert.Matches(@"^web\s+STABLE\s+.*\s+-\s+2\.3\.1-sha256-40c9eabbd978-[0-9a-f]{10}\s+-$", wideLines[3]);
    }

    [Fact]
    public void Status_fits_120_columns_for_every_example_stack_and_names_each_phase()
    {
        using var project = new ProjectCopy();

        var status = project.Run("status");

        Assert.Equal(0, status.ExitCode);
        Assert.All(status.Output.Split('\n'), line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
        Assert.Matches(@"\nweb\s+CANARY 10%\s+2\.3\.1@40c9eab \(blue\)", status.Output);
        File.WriteAllText(project.StackPath("prod"), project.Stack("prod").Replace("    enabled: false\n    reason: \"\"", "    enabled: true\n    reason: \"incident\"", StringComparison.Ordinal));
        Assert.Matches(@"\nweb\s+FROZEN\s", project.Run("status", "--stack", "prod").Output);
        Assert.Matches(@"\napi\s+STAGED, FROZEN\s", project.Run("status", "--stack", "prod").Output);
    }

    [Fact]
    public void Status_of_a_stack_file_with_errors_shows_what_it_can_read_then_the_errors()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("prod"), project.Stack("prod").Replace("  delivery-platform:environment: prod", "  delivery-platform:environment: prd", StringComparison.Ordinal));

        var status = project.Run("status", "--stack", "prod");

        Assert.Equal(1, status.ExitCode);
        Assert.Matches(@"\napi\s+STAGED\s+1\.4\.2", status.Output);
        Assert.Contains("delivery-platform:environment", status.Error, StringComparison.Ordinal);
        Assert.Contains("prod: has errors (above); the table shows what the file says; run deliver check --stack prod.", status.Error, StringComparison.Ordinal);
        Assert.Equal(1, project.Run("status", "--stack", "prod", "--wide").ExitCode);
    }

    private static PlatformRendering Render(string yaml)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Parse(yaml, "prod", "test"), new Dictionary<string, string>());
        return PlatformRenderer.Render(Assert.IsType<ValidStack>(loaded.Stack));
    }
}
