using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;

namespace Delivery.Core.Ci;

/// <summary>
/// Requests and limits in the ci namespace by tier (<see cref="TierProfile"/>). A job gets the same
/// share the cluster baseline's ci LimitRange and quota are sized for; controllers and the GitLab
/// manager are small.
/// </summary>
public static class RunnerResources
{
    /// <summary>One CI job's size by tier; the cluster baseline sizes the ci LimitRange and quota from it.</summary>
    public static ContainerSize JobSize(TierProfile profile) => profile.RunnerJob;

    public static OrderedDictionary<string, object?> Job(TierProfile profile) => JobSize(profile).Resources();

    public static OrderedDictionary<string, object?> Controller(TierProfile profile) => profile.RunnerController.Resources();

    /// <summary>The runner's work volume (checkouts, build contexts) in Kubernetes container mode.</summary>
    public static string WorkVolumeSize(TierProfile profile) => profile.RunnerWorkVolume;
}
