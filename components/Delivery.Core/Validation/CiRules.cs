using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>CI runners: GitHub scale sets or a GitLab runner.</summary>
internal static class CiRules
{
    /// <summary>For a known <c>ci.mode</c> (<see cref="ModeRules.ThenCheck"/>).</summary>
    /// <param name="buildRunners">The default runners, for every job, exist (<c>ci.buildRunners</c>).</param>
    /// <param name="releaseRunners">The release runners exist (every registry but the local Docker one).</param>
    public static IEnumerable<ConfigProblem> Check(CiConfig ci, ValidationContext context, bool buildRunners, bool releaseRunners)
    {
        var root = ConfigPath.Root("ci");
        var runners = ci.Kind switch
        {
            CiMode.GitHub => GitHub(ci.Github, root.Key("github"), context, buildRunners, releaseRunners).Concat(InactiveGitLabSecrets(ci, root, context)),
            CiMode.GitLab => GitLab(ci.Gitlab, root.Key("gitlab"), context, buildRunners, releaseRunners).Concat(InactiveGitHubSecrets(ci, root, context)),
            _ => InactiveGitHubSecrets(ci, root, context).Concat(InactiveGitLabSecrets(ci, root, context)),
        };
        return ci.Kind != CiMode.None && !buildRunners && !releaseRunners ? [NoRunners(root, ci.Mode), .. runners] : runners;
    }

    private static ConfigProblem NoRunners(ConfigPath root, string mode) =>
        ConfigProblem.Error(root.Key("buildRunners"), "false",
            $"leaves ci.mode {mode} without any runner: there are no release runners beside the local Docker registry, and this turns the build runners off.",
            $"turn the build runners on (pulumi config rm --path {root.Key("buildRunners")}) or the runners off (pulumi config set --path {root.Key("mode")} none).");

    private static IEnumerable<ConfigProblem> InactiveGitLabSecrets(CiConfig ci, ConfigPath root, ValidationContext context) =>
        InactivePlaintext(root.Key("gitlab").Key("runnerToken"), ci.Gitlab.RunnerToken, context)
            .Concat(InactivePlaintext(root.Key("gitlab").Key("releaseRunnerToken"), ci.Gitlab.ReleaseRunnerToken, context));

    /// <summary>A plain-text secret is committed in clear whether or not its section is in use.</summary>
    private static IEnumerable<ConfigProblem> InactiveGitHubSecrets(CiConfig ci, ConfigPath root, ValidationContext context) =>
        InactivePlaintext(root.Key("github").Key("token"), ci.Github.Token, context)
            .Concat(InactivePlaintext(root.Key("github").Key("appPrivateKey"), ci.Github.AppPrivateKey, context))
            .Concat(InactivePlaintext(root.Key("github").Key("release").Key("token"), ci.Github.Release.Token, context))
            .Concat(InactivePlaintext(root.Key("github").Key("release").Key("appPrivateKey"), ci.Github.Release.AppPrivateKey, context));

    private static IEnumerable<ConfigProblem> InactivePlaintext(ConfigPath path, SecretValue secret, ValidationContext context) =>
        SecretRules.Optional(path, secret, context);

    /// <summary>
    /// Runners registered on an organization or enterprise take jobs from every repository in it
    /// (forks' pull requests included, where the org allows them) unless a runner group limits
    /// them; a repository URL scopes them to that repository already.
    /// </summary>
    private static bool IsOrgWide(string configUrl) =>
        Uri.TryCreate(configUrl, UriKind.Absolute, out var url)
        && url.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) is { } segments
        && (segments.Length == 1 || (segments.Length == 2 && segments[0] == "enterprises"));

    private static IEnumerable<ConfigProblem> GitHub(GitHubRunnersConfig github, ConfigPath root, ValidationContext context, bool buildRunners, bool releaseRunners)
    {
        if (!Urls.IsWebUrl(github.ConfigUrl, allowHttp: false))
        {
            yield return ConfigProblem.Error(root.Key("configUrl"), Shown(github.ConfigUrl),
                "must be the https URL of the org, repository or enterprise the runners register with.",
                $"pulumi config set --path {root.Key("configUrl")} https://github.com/<org>.");
        }
        var defaultProblems = buildRunners
            ? Credentials(github.Default(), root, context, "for the runners to register with GitHub (or set the GitHub App keys)")
            : SecretRules.Unused(root.Key("token"), github.Token, NoBuildRunners)
                .Concat(SecretRules.Unused(root.Key("appPrivateKey"), github.AppPrivateKey, NoBuildRunners));
        foreach (var problem in defaultProblems)
            yield return problem;
        var release = root.Key("release");
        if (releaseRunners)
        {
            foreach (var problem in Credentials(github.Release, release, context,
                "for the release scale set to register with GitHub: one GitHub App or token per scale set, so the default runners' credential cannot register release runners (or set the release App keys)"))
                yield return problem;
            if (SameCredential(github.Default(), github.Release) is { } key)
            {
                yield return ConfigProblem.Error(release.Key(key), null,
                    "is the default runners' credential too: one GitHub App or token per scale set, so the default runners' credential cannot register release runners.",
                    $"create a second GitHub App (or token) for the release runners and set it under {release}: pulumi config set --secret --path {release.Key(key == "token" ? "token" : "appPrivateKey")} <…>.");
            }
        }
        else
        {
            foreach (var problem in SecretRules.Unused(release.Key("token"), github.Release.Token, "(there are no release runners with the local Docker registry)")
                         .Concat(SecretRules.Unused(release.Key("appPrivateKey"), github.Release.AppPrivateKey, "(there are no release runners with the local Docker registry)")))
                yield return problem;
        }
        if (github.MinRunners < 0)
        {
            yield return ConfigProblem.Error(root.Key("minRunners"), Number(github.MinRunners), "cannot be negative.",
                $"pulumi config set --path {root.Key("minRunners")} 0.");
        }
        if (github.MaxRunners < Math.Max(1, github.MinRunners))
        {
            yield return ConfigProblem.Error(root.Key("maxRunners"), Number(github.MaxRunners),
                $"must be at least 1 and at least minRunners ({github.MinRunners}).",
                $"pulumi config set --path {root.Key("maxRunners")} {Math.Clamp(github.MinRunners, 1, Bounds.CiJobs)}.");
        }
        foreach (var (key, value, lowest) in new[] { ("minRunners", github.MinRunners, 0), ("maxRunners", github.MaxRunners, 1) })
        {
            if (Bounds.Above(root.Key(key), value, Bounds.CiJobs, lowest, Bounds.CiJobsWhy) is { } tooMany)
                yield return tooMany;
        }
        if (buildRunners && context.Profile?.RequiresRunnerGroup == true && IsOrgWide(github.ConfigUrl) && github.RunnerGroup.Length == 0)
        {
            yield return ConfigProblem.Error(root.Key("runnerGroup"), null,
                $"the runners register org-wide ({github.ConfigUrl}), so every repository of the organization could run jobs on them, with the registry push credentials they mount.",
                $"create a runner group limited to the repositories that build and deploy, then pulumi config set --path {root.Key("runnerGroup")} <group>.");
        }
        if (context.Profile?.RequiresRunnerGroup == true && IsOrgWide(github.ConfigUrl) && releaseRunners
            && (github.ReleaseRunnerGroup.Length == 0 || (buildRunners && github.ReleaseRunnerGroup == github.RunnerGroup)))
        {
            yield return ConfigProblem.Error(root.Key("releaseRunnerGroup"), github.ReleaseRunnerGroup.Length == 0 ? null : github.ReleaseRunnerGroup,
                "the release runners mount the registry push credentials and may reach the API server, so they need a runner group of their own, narrower than the one every job may use.",
                $"create a runner group limited to the repositories whose workflows publish and deploy, then pulumi config set --path {root.Key("releaseRunnerGroup")} <group>.");
        }
        // Runner groups exist only for organizations and enterprises: on a repository, nothing but a
        // label keeps a pull request's workflow off the release runners.
        if (context.Profile?.RequiresRunnerGroup == true && releaseRunners && Urls.IsWebUrl(github.ConfigUrl, allowHttp: false) && !IsOrgWide(github.ConfigUrl))
        {
            yield return ConfigProblem.Error(root.Key("configUrl"), github.ConfigUrl,
                $"registers the runners on one repository, where runner groups do not apply: any workflow of it, a pull request's included, could claim the release runners (runs-on: {Ci.GitHubRunners.ReleaseScaleSetName(github)}) with their push credentials and API access.",
                $"register on the organization and limit the release runners' group to the deploy workflow on main: pulumi config set --path {root.Key("configUrl")} https://github.com/<org>, then set {root.Key("runnerGroup")} and {root.Key("releaseRunnerGroup")}.");
        }
        for (var i = 0; i < github.Labels.Count; i++)
        {
            if (!Names.IsDns1123Subdomain(github.Labels[i]))
            {
                yield return ConfigProblem.Error(root.Key("labels").Index(i), github.Labels[i], "runner labels must be lower case letters, digits, '-' and '.'.",
                    $"pulumi config set --path '{root.Key("labels").Index(i)}' <label>.");
            }
        }
    }

    /// <summary>A GitHub App (its ids and key) or a token, never both, under <paramref name="root"/>.</summary>
    private static IEnumerable<ConfigProblem> Credentials(GitHubCredentials credentials, ConfigPath root, ValidationContext context, string why)
    {
        if (credentials.UsesApp && credentials.Token.IsSet)
        {
            yield return ConfigProblem.Error(root.Key("token"), null, "both a token and GitHub App credentials are set; the controller takes one.",
                $"keep the GitHub App (recommended) and run pulumi config rm --path {root.Key("token")}, or remove the app* keys.");
        }
        if (credentials.UsesApp)
        {
            foreach (var (key, value) in new[] { ("appId", credentials.AppId), ("appInstallationId", credentials.AppInstallationId) })
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    yield return ConfigProblem.Error(root.Key(key), Shown(value), "a GitHub App needs its numeric id and installation id.",
                        $"pulumi config set --path {root.Key(key)} <number from the app's settings>.");
                }
            }
            foreach (var problem in SecretRules.Required(root.Key("appPrivateKey"), credentials.AppPrivateKey, context, "private key (PEM)", "for GitHub App authentication"))
                yield return problem;
        }
        else
        {
            foreach (var problem in SecretRules.Required(root.Key("token"), credentials.Token, context, "token", why))
                yield return problem;
        }
    }

    /// <summary>
    /// The key under which the release credential repeats the default one: the same App installation,
    /// or the same token (compared without revealing either; offline, encrypted values never compare equal).
    /// </summary>
    private static string? SameCredential(GitHubCredentials standard, GitHubCredentials release) =>
        release.UsesApp && standard.UsesApp && release.AppInstallationId.Length > 0
            && release.AppId == standard.AppId && release.AppInstallationId == standard.AppInstallationId ? "appInstallationId"
        : release.Token.HasKnownValue && release.Token.Equals(standard.Token) ? "token"
        : null;

    private static IEnumerable<ConfigProblem> GitLab(GitLabRunnersConfig gitlab, ConfigPath root, ValidationContext context, bool buildRunners, bool releaseRunner)
    {
        if (!Urls.IsWebUrl(gitlab.Url, allowHttp: false))
        {
            yield return ConfigProblem.Error(root.Key("url"), Shown(gitlab.Url), "must be the https URL of the GitLab instance.",
                $"pulumi config set --path {root.Key("url")} https://gitlab.com.");
        }
        var defaultProblems = buildRunners
            ? SecretRules.Required(root.Key("runnerToken"), gitlab.RunnerToken, context, "runner authentication token", "for the runner to register with GitLab")
            : SecretRules.Unused(root.Key("runnerToken"), gitlab.RunnerToken, NoBuildRunners);
        foreach (var problem in defaultProblems)
            yield return problem;
        var release = root.Key("releaseRunnerToken");
        var releaseProblems = releaseRunner
            ? SecretRules.Required(release, gitlab.ReleaseRunnerToken, context, "release runner authentication token",
                "for the release jobs (pulumi up, image pushes) on a protected runner of their own, which alone gets the push credentials and API access")
            : SecretRules.Unused(release, gitlab.ReleaseRunnerToken, "(there are no release runners beside the local Docker registry)");
        foreach (var problem in releaseProblems)
            yield return problem;
        // Compared without revealing either (offline, encrypted values are unknown and never equal here).
        if (gitlab.ReleaseRunnerToken.HasKnownValue && gitlab.ReleaseRunnerToken.Equals(gitlab.RunnerToken))
        {
            yield return ConfigProblem.Error(release, null,
                "is the default runner's token too: both managers would take every job of that one runner, so any pipeline's jobs could get the push credentials.",
                $"create a second, protected runner in GitLab and set its token: pulumi config set --secret --path {release} <glrt-…>.");
        }
        if (gitlab.Concurrency < 1)
        {
            yield return ConfigProblem.Error(root.Key("concurrency"), Number(gitlab.Concurrency), "must be at least 1.",
                $"pulumi config set --path {root.Key("concurrency")} 4.");
        }
        if (Bounds.Above(root.Key("concurrency"), gitlab.Concurrency, Bounds.CiJobs, 1, Bounds.CiJobsWhy) is { } tooMany)
            yield return tooMany;
    }

    private const string NoBuildRunners = "(ci.buildRunners is off: this cluster hosts the release runners only, which register with the release credential)";

    private static string? Shown(string value) => value.Length == 0 ? null : value;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
