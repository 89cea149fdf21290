using System.Text;

namespace Deliver.Tests.Monitoring;

/// <summary>One app of a test stack: its slot versions, live slot and canary weight.</summary>
internal sealed record TestApp(string Name, string Blue, string Green, string Live, int CanaryWeight = 0);

/// <summary>
/// A project copy with a local-tier stack "gates" holding the test apps, in its own git repository,
/// so that gate and the release script read the stack file's history as they do on main.
/// </summary>
internal sealed class GatesProject : IDisposable
{
    public const string Stack = "gates";

    private readonly ProjectCopy _project = new();

    public GatesProject(params TestApp[] apps)
    {
        WriteStack(apps);
        Git("init", "-q", "-b", "main");
        Commit("initial release state");
    }

    public string Root => _project.Root;

    public string StackPath => _project.StackPath(Stack);

    public string StackText => File.ReadAllText(StackPath);

    public void WriteStack(params TestApp[] apps) => File.WriteAllText(StackPath, Yaml(apps));

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    /// <summary>deliver against this project; throws on nothing, returns what it printed.</summary>
    public (int ExitCode, string Output, string Error) Deliver(params string[] args) => _project.Run(args);

    /// <summary>A release step run as a person would, then committed.</summary>
    public void Step(string message, params string[] args)
    {
        var result = Deliver([.. args, "--stack", Stack]);
        Assert.True(result.ExitCode == 0, $"deliver {string.Join(' ', args)} failed: {result.Error}");
        Commit(message);
    }

    public string Git(params string[] args) => TestRepository.Git(Root, Identity, args);

    /// <summary>A committer for the test repository (CI machines often have none configured).</summary>
    public static readonly IReadOnlyDictionary<string, string> Identity = new Dictionary<string, string>
    {
        ["GIT_AUTHOR_NAME"] = "release test",
        ["GIT_AUTHOR_EMAIL"] = "release@test.invalid",
        ["GIT_COMMITTER_NAME"] = "release test",
        ["GIT_COMMITTER_EMAIL"] = "release@test.invalid",
    };

    internal static string Yaml(IEnumerable<TestApp> apps)
    {
        var yaml = new StringBuilder("""
            config:
              delivery-platform:environment: local
              delivery-platform:cluster:
                mode: k3s-docker
              delivery-platform:registry:
                mode: docker
              delivery-platform:ci:
                mode: none
              delivery-platform:verify:
                minRequests: 50
                bakeTime: 4s
              delivery-platform:apps:

            """);
        foreach (var app in apps)
        {
            yaml.AppendLine($"    {app.Name}:");
            yaml.AppendLine($"      image: shop/{app.Name}");
            if (app.Blue.Length > 0)
                yaml.AppendLine($"      blue: {app.Blue}");
            if (app.Green.Length > 0)
                yaml.AppendLine($"      green: {app.Green}");
            yaml.AppendLine($"      live: {app.Live}");
            yaml.AppendLine($"      host: {app.Name}.localhost");
            if (app.CanaryWeight > 0)
                yaml.AppendLine($"      canaryWeight: {app.CanaryWeight}");
        }
        return yaml.ToString();
    }

    public void Dispose() => _project.Dispose();
}
