using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

/// <summary>
/// The identity of what one slot runs: the version plus a short hash of every setting that shapes
/// its pods (image, port, probes path, resources, environment). Same config, same id, so an
/// unchanged <c>pulumi up</c> changes nothing; any change to the pods, a new id. Replica counts are
/// left out: scaling is not a release and must not restart pods.
/// </summary>
public static class ReleaseId
{
    private const int HashLength = 10;

    public static string Of(DeliveryConfig config, AppConfig app, Slot slot) => Of(config, app, Slots.Version(app, slot));

    /// <summary>The id <paramref name="app"/>'s settings give <paramref name="version"/>, in whichever slot it runs.</summary>
    public static string Of(DeliveryConfig config, AppConfig app, string version)
    {
        var settings = new StringBuilder()
            .AppendLine(ImageReference.Of(config.Registry, app, version))
            .AppendLine(app.Port.ToString(CultureInfo.InvariantCulture))
            .AppendLine(app.HealthPath)
            .AppendLine(string.Join('|', app.Resources.CpuRequest, app.Resources.MemoryRequest, app.Resources.CpuLimit, app.Resources.MemoryLimit));
        foreach (var (name, value) in app.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
            settings.Append(name).Append('=').AppendLine(value);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.ToString())))[..HashLength];
        var versionPart = VersionLabel(version);
        var room = LabelValues.MaxLength - HashLength - 1;
        return $"{(versionPart.Length > room ? versionPart[..room].TrimEnd('-', '.', '_') : versionPart)}-{hash}";
    }

    /// <summary>The version as a label value: a digest becomes <c>sha256-</c> and its first 12 hex digits.</summary>
    public static string VersionLabel(string version) =>
        Versions.IsDigest(version) ? $"sha256-{version["sha256:".Length..][..12]}" : LabelValues.Sanitize(version);
}
