using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;

namespace Delivery.Core.Ci;

/// <summary>
/// The CI runners component: GitHub scale sets or GitLab runners, plus the token-less ServiceAccount
/// job pods run as. Nothing for <c>ci.mode: none</c>. Both kinds split their runners the same way:
/// the default runners, for every job, run their jobs in the ci namespace with no registry
/// credentials and no API access; the release runners, for the workflows that publish images and
/// deploy, run theirs in ci-release (both namespaces created, at Pod Security "baseline", by the
/// cluster baseline), with their own service accounts, Roles and Secrets there, so the default
/// runners' Role in ci reads none of them. Release job pods mount the push credentials (the
/// registry component renders that Secret in ci-release) and alone may reach the API server
/// (labelled <see cref="Cluster.PlatformPods.ReleaseJobs"/>).
/// </summary>
public static class CiRunnersRenderer
{
    public const string Component = "ci-runners";
    public const string JobServiceAccount = "ci-job";

    /// <summary>
    /// Release runners at most: a stack's releases run one at a time (the deploy workflow's
    /// concurrency group, GitLab's resource_group), so two cover a release and a hotfix build at once.
    /// </summary>
    public const int ReleaseRunners = 2;

    /// <summary>Release runners exist where there are push credentials to scope (every registry but the local Docker one).</summary>
    public static bool HasReleaseRunners(DeliveryConfig config) => RegistryCredentials.PushSecret(config.Registry) is not null;

    /// <summary>Where job pods run: ci, and ci-release where release runners exist.</summary>
    public static IReadOnlyList<string> JobNamespaces(DeliveryConfig config) =>
        HasReleaseRunners(config) ? [PlatformNamespaces.Ci, PlatformNamespaces.CiRelease] : [PlatformNamespaces.Ci];

    public static ComponentRendering Render(DeliveryConfig config, Tier tier)
    {
        var runners = config.Ci.Mode switch
        {
            CiConfig.GitHub => GitHubRunners.Render(config, tier),
            CiConfig.GitLab => GitLabRunners.Render(config, tier),
            _ => null,
        };
        return runners is null
            ? ComponentRendering.Empty(Component)
            : runners with { Objects = [.. JobNamespaces(config).Select(RunnerRbac.JobServiceAccount), .. runners.Objects] };
    }
}
