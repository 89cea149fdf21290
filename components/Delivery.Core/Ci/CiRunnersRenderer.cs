using Delivery.Core.Configuration;
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
/// (labelled <see cref="Network.PlatformPods.ReleaseJobs"/>).
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

    /// <summary>The default runners, for every job, in ci: wherever CI hosts runners and <c>ci.buildRunners</c> is on (off in prod by default).</summary>
    public static bool HasBuildRunners(DeliveryConfig config) => config.Ci.HostsBuildRunners;

    /// <summary>
    /// The release runners, in ci-release: wherever CI hosts runners, except beside the local Docker
    /// registry (a local stack is deployed by hand). Their jobs alone reach the API server and the
    /// gate's inputs; they mount the push credentials only where build runners make images to publish
    /// (<see cref="RegistryCredentials.PushSecret"/>): prod's release runners release without them.
    /// </summary>
    public static bool HasReleaseRunners(DeliveryConfig config) => config.Ci.Kind != CiMode.None && config.Registry.Kind != RegistryMode.Docker;

    /// <summary>Where job pods run: ci where build runners exist, ci-release where release runners exist.</summary>
    public static IReadOnlyList<string> JobNamespaces(DeliveryConfig config) =>
    [
        .. HasBuildRunners(config) ? [PlatformNamespaces.Ci] : Array.Empty<string>(),
        .. HasReleaseRunners(config) ? [PlatformNamespaces.CiRelease] : Array.Empty<string>(),
    ];

    public static ComponentRendering Render(ValidStack stack)
    {
        var runners = stack.Config.Ci.Kind switch
        {
            CiMode.GitHub => GitHubRunners.Render(stack),
            CiMode.GitLab => GitLabRunners.Render(stack),
            _ => null,
        };
        return runners is null
            ? ComponentRendering.Empty(Component)
            : runners with { Objects = [.. JobNamespaces(stack.Config).Select(RunnerRbac.JobServiceAccount), .. runners.Objects] };
    }
}
