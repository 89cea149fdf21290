using System.Security.Cryptography;
using System.Text;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Apps;

/// <summary>
/// The identity of what one slot runs: the version plus a short hash of its whole rendered pod
/// template (with a placeholder where the id itself goes). Same config, same id, so an unchanged
/// <c>pulumi up</c> changes nothing; anything that changes the pods (image, port, probes, resources,
/// environment, the tier's topology spread, the registry's pull secret, the trace endpoint…), a new
/// id. Replicas, the live slot and the canary weight are not in the pod template: scaling and
/// switching are not releases and must not restart pods. The template is hashed as if in the blue
/// slot: the same version with the same settings is the same release in either slot. A rolling
/// app's is hashed as its own Deployment's pods (slot label <c>rolling</c>): moving an app between
/// strategies changes its pods' labels, so it is a new release id.
/// </summary>
public static class ReleaseId
{
    private const int HashLength = 10;

    /// <summary>Stands for the release id inside the pods it is computed from.</summary>
    private const string Placeholder = "";

    public static string Of(ValidStack stack, string app, Slot slot) => Of(stack, app, stack.Apps[app].VersionIn(slot));

    /// <summary>The id that <paramref name="app"/>'s settings give <paramref name="version"/>, in whichever slot it runs.</summary>
    public static string Of(ValidStack stack, string app, ImageVersion version)
    {
        var hashedAs = stack.Apps[app].IsRolling ? Slot.Rolling : Slot.Blue;
        var labels = SlotLabels.For(app, hashedAs, version, AppDeployment.Component, Placeholder);
        var pods = AppDeployment.PodTemplate(stack, app, hashedAs, version, labels);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(YamlWriter.Write(pods))))[..HashLength];
        var versionPart = version.Label;
        var room = LabelValues.MaxLength - HashLength - 1;
        return $"{(versionPart.Length > room ? versionPart[..room].TrimEnd('-', '.', '_') : versionPart)}-{hash}";
    }
}
