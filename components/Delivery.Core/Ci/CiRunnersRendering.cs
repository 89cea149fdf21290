using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Ci;

/// <summary>
/// The CI runners component, in the ci namespace (created, at Pod Security "baseline", by the
/// cluster baseline): GitHub scale sets or a GitLab runner, plus the token-less ServiceAccount job
/// pods run as. Nothing for <c>ci.mode: none</c>. The registry push Secret they mount comes from
/// the registry component.
/// </summary>
public static class CiRunnersRendering
{
    public const string Component = "ci-runners";
    public const string JobServiceAccount = "ci-job";

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
