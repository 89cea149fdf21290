using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;

namespace Delivery.Core.Ci;

/// <summary>
/// The CI runners component, in the ci namespace (created, at Pod Security "baseline", by the
/// cluster baseline): GitHub scale sets or a GitLab runner, plus the token-less ServiceAccount job
/// pods run as. Nothing for <c>ci.mode: none</c>. The registry push Secret they mount comes from
/// the registry component. Both kinds split their runners the same way: the default runners, for
/// every job, get no registry credentials and no API access; release runners, for the workflows
/// that publish images and deploy, mount the push credentials and their job pods alone may reach the
/// API server (labelled <see cref="Cluster.PlatformPods.ReleaseJobs"/>).
/// </summary>
public static class CiRunnersRendering
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
            : runners with { Objects = [RunnerRbac.JobServiceAccount(), .. runners.Objects] };
    }
}
