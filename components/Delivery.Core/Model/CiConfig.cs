namespace Delivery.Core.Model;

/// <summary>Which CI runners the platform hosts.</summary>
public sealed class CiConfig
{
    public const string GitHub = "github";
    public const string GitLab = "gitlab";
    public const string None = "none";
    public static readonly IReadOnlyList<string> Modes = [GitHub, GitLab, None];

    /// <summary><c>github</c>, <c>gitlab</c> or <c>none</c>.</summary>
    public string Mode { get; set; } = None;

    /// <summary><see cref="Mode"/> typed; null while it names none, which validation refuses before anything renders.</summary>
    public CiMode? Kind => Mode switch
    {
        None => CiMode.None,
        GitHub => CiMode.GitHub,
        GitLab => CiMode.GitLab,
        _ => null,
    };

    /// <summary>
    /// The default runners, for every job (builds, tests, pull requests): prod's cluster has none by
    /// default (<c>TierProfile.HostsBuildRunners</c>), so no code that has not been released runs there;
    /// its release runners alone run the prod release.
    /// </summary>
    public bool BuildRunners { get; set; } = true;

    /// <summary>The default runners exist: CI hosts runners and <see cref="BuildRunners"/> is on. Only they build what the release runners publish.</summary>
    public bool HostsBuildRunners => Mode != None && BuildRunners;

    public GitHubRunnersConfig Github { get; set; } = new();

    public GitLabRunnersConfig Gitlab { get; set; } = new();
}

/// <summary>An actions-runner-controller runner scale set.</summary>
public sealed class GitHubRunnersConfig
{
    /// <summary>The org, repo or enterprise URL the runners register with.</summary>
    public string ConfigUrl { get; set; } = "";

    /// <summary>A personal access token, as a secret; or use the GitHub App fields.</summary>
    public SecretValue Token { get; set; } = SecretValue.Missing;

    public string AppId { get; set; } = "";

    public string AppInstallationId { get; set; } = "";

    public SecretValue AppPrivateKey { get; set; } = SecretValue.Missing;

    public int MinRunners { get; set; }

    public int MaxRunners { get; set; }

    /// <summary>Runner labels; the first is the scale set name jobs use in <c>runs-on</c>.</summary>
    public List<string> Labels { get; set; } = [];

    public string RunnerGroup { get; set; } = "";

    /// <summary>The release runners' group (push credentials, API access): only the release workflows' repositories.</summary>
    public string ReleaseRunnerGroup { get; set; } = "";

    /// <summary>The release scale set's own GitHub App or token: one credential per scale set.</summary>
    public GitHubCredentials Release { get; set; } = new();

    /// <summary>The default scale set's credentials (the top-level keys).</summary>
    public GitHubCredentials Default() => new() { Token = Token, AppId = AppId, AppInstallationId = AppInstallationId, AppPrivateKey = AppPrivateKey };
}

/// <summary>What a scale set registers with: a GitHub App (recommended) or a token.</summary>
public sealed class GitHubCredentials
{
    public SecretValue Token { get; set; } = SecretValue.Missing;

    public string AppId { get; set; } = "";

    public string AppInstallationId { get; set; } = "";

    public SecretValue AppPrivateKey { get; set; } = SecretValue.Missing;

    public bool UsesApp => AppId.Length > 0 || AppInstallationId.Length > 0 || AppPrivateKey.IsSet;
}

/// <summary>A GitLab Runner with the Kubernetes executor.</summary>
public sealed class GitLabRunnersConfig
{
    public string Url { get; set; } = "";

    /// <summary>The runner authentication token (glrt-…), as a secret.</summary>
    public SecretValue RunnerToken { get; set; } = SecretValue.Missing;

    /// <summary>
    /// The release runner's authentication token, as a secret: a second runner, created protected
    /// (protected branches and tags only) with the tag &lt;stack&gt;-cluster-release and no untagged jobs.
    /// </summary>
    public SecretValue ReleaseRunnerToken { get; set; } = SecretValue.Missing;

    public int Concurrency { get; set; }
}
