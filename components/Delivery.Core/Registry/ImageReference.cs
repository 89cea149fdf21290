using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Registry;

public static class ImageReference
{
    /// <summary>
    /// <c>registry/repository:version</c>, <c>registry/repository@sha256:…</c> for a digest, or
    /// <c>registry/repository:1.6.0@sha256:…</c> for a pinned version: the runtime pulls by the
    /// digest, and the tag stays readable.
    /// </summary>
    public static string Of(RegistryConfig registry, AppConfig app, ImageVersion version) =>
        $"{RegistryAddress.Of(registry)}/{app.Image}{version.ReferenceSuffix}";

    /// <summary>
    /// Prod checks the pull credential on every container start (<c>Always</c>): with
    /// <c>IfNotPresent</c> any pod on a node could start a private image another pod pulled there.
    /// The version carries its digest in prod, so Always never changes what runs.
    /// </summary>
    public static string PullPolicy(TierProfile profile) => profile.PullsOnEveryStart ? "Always" : "IfNotPresent";
}
