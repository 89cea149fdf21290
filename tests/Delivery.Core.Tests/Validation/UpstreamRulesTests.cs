using Delivery.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Delivery.Core.Tests.Validation;

public sealed class UpstreamRulesTests
{
    private static readonly Dictionary<string, string> Ladder = new() { ["local"] = "", ["dev"] = "", ["staging"] = "dev", ["prod"] = "staging" };

    [Fact]
    public void The_committed_ladder_has_no_problem() =>
        Assert.All(Ladder.Keys, stack => Assert.Empty(UpstreamRules.Check(stack, Ladder)));

    [Fact]
    public void An_upstream_that_is_no_stack_gets_did_you_mean()
    {
        var problem = Assert.Single(UpstreamRules.Check("prod", new Dictionary<string, string>(Ladder) { ["prod"] = "stagng" }));

        Assert.Equal("delivery-platform:upstream", problem.Key);
        Assert.Equal("stagng", problem.Value);
        Assert.Equal("names no stack in stacks/ (the stacks are dev, local, staging).", problem.Message);
        Assert.Equal("did you mean \"staging\"? pulumi config set delivery-platform:upstream staging --stack prod.", problem.Fix);
    }

    [Fact]
    public void A_cycle_is_reported_on_each_stack_in_it_and_not_on_those_below()
    {
        var cycle = new Dictionary<string, string>(Ladder) { ["dev"] = "staging" };

        Assert.Equal("makes a cycle: dev ← staging ← dev, so no version could ever be live upstream first.", Assert.Single(UpstreamRules.Check("dev", cycle)).Message);
        Assert.Equal("makes a cycle: staging ← dev ← staging, so no version could ever be live upstream first.", Assert.Single(UpstreamRules.Check("staging", cycle)).Message);
        Assert.Empty(UpstreamRules.Check("prod", cycle));
    }

    private static YamlMappingNode Pipeline(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestRepository.Root(), path));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> Needs(YamlMappingNode job) =>
        job.Children.TryGetValue("needs", out var needs)
            ? needs is YamlSequenceNode list ? list.Children.Select(n => ((YamlScalarNode)n).Value!) : [((YamlScalarNode)needs).Value!]
            : [];

    private static bool Runs(YamlMappingNode job, string key, string command) =>
        job.Children.TryGetValue(key, out var node) && node.AllNodes.OfType<YamlScalarNode>().Any(s => s.Value?.Contains(command, StringComparison.Ordinal) == true);

    /// <summary>
    /// pulumi up sees one stack, so it cannot see an upstream cycle or (in its own words) an upstream
    /// that names no stack: the release pipelines must run deliver check --all before any deploy.
    /// </summary>
    [Fact]
    public void Both_release_pipelines_check_every_stack_before_any_stack_is_deployed()
    {
        var github = (YamlMappingNode)Pipeline(".github/workflows/deploy.yml")["jobs"];
        var jobs = github.Children.ToDictionary(j => ((YamlScalarNode)j.Key).Value!, j => (YamlMappingNode)j.Value);
        var checking = jobs.Where(j => Runs(j.Value, "steps", "./deliver check --all")).Select(j => j.Key).ToHashSet();
        bool AfterCheck(string job) => Needs(jobs[job]).Any(n => checking.Contains(n) || AfterCheck(n));
        Assert.NotEmpty(checking);
        Assert.All(jobs.Keys.Where(j => Runs(jobs[j], "steps", "release-stack")), job => Assert.True(AfterCheck(job), $"deploy.yml: {job} does not need the check job"));

        var gitlab = Pipeline(".gitlab-ci.yml");
        var stages = ((YamlSequenceNode)gitlab["stages"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        var gitlabJobs = gitlab.Children.Where(j => j.Value is YamlMappingNode)
            .ToDictionary(j => ((YamlScalarNode)j.Key).Value!, j => (YamlMappingNode)j.Value);
        // A job's stage is its own or its template's (extends).
        int Stage(string job) => gitlabJobs[job].Children.TryGetValue("stage", out var stage)
            ? stages.IndexOf(((YamlScalarNode)stage).Value!)
            : Stage(((YamlScalarNode)gitlabJobs[job]["extends"]).Value!);
        var check = Assert.Single(gitlabJobs, j => Runs(j.Value, "script", "./deliver check --all"));
        Assert.True(Runs(check.Value, "rules", "$CI_DEFAULT_BRANCH"), ".gitlab-ci.yml: the check job must run on the default branch, where deploys run");
        // A job without needs waits for every earlier stage; one with needs, only for those jobs (needs: [] for none).
        bool Waits(string job) => gitlabJobs[job].Children.ContainsKey("needs") ? Needs(gitlabJobs[job]).Any(Waits) : Stage(job) > Stage(check.Key);
        var deploys = gitlabJobs.Keys.Where(j => j.StartsWith("deploy-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(deploys);
        Assert.All(deploys, job => Assert.True(Waits(job), $".gitlab-ci.yml: {job} can start before {check.Key}"));
    }
}
