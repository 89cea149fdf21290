using System.Security.Cryptography;
using System.Text;
using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

/// <summary>
/// The identity of what one slot runs: the version plus a short hash of the slot's whole rendered pod
/// template (with a placeholder where the id itself goes). Same config, same id, so an unchanged
/// <c>pulumi up</c> changes nothing; anything that changes the pods (image, port, probes, resources,
/// environment, the tier's topology spread, the registry's pull secret, the trace endpoint…), a new
/// id. Replicas, the live slot and the canary weight are not in the pod template: scaling and
/// switching are not releases and must not restart pods.
/// </summary>
public static class ReleaseId
{
    private const int HashLength = 10;

    /// <summary>Stands for the release id inside the pods it is computed from.</summary>
    private const string Placeholder = "";

    public static string Of(DeliveryConfig config, string app, Slot slot)
    {
        var tier = Tiers.Parse(config.Environment) ?? throw new InvalidOperationException($"environment \"{config.Environment}\" is not validated.");
        var pods = AppDeployment.PodTemplate(config, tier, app, slot, StandardLabels.ForSlot(config, app, slot, AppDeployment.Component, Placeholder));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(YamlWriter.Write(pods))))[..HashLength];
        var versionPart = VersionLabel(Slots.Version(config.Apps[app], slot));
        var room = LabelValues.MaxLength - HashLength - 1;
        return $"{(versionPart.Length > room ? versionPart[..room].TrimEnd('-', '.', '_') : versionPart)}-{hash}";
    }

    /// <summary>The version as a label value: a digest becomes <c>sha256-</c> and its first 12 hex digits.</summary>
    public static string VersionLabel(string version) =>
        Versions.IsDigest(version) ? $"sha256-{version["sha256:".Length..][..12]}" : LabelValues.Sanitize(version);
}
