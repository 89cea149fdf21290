using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

public static class ImageReference
{
    /// <summary><c>registry/repository:version</c>, or <c>registry/repository@sha256:…</c> for a digest.</summary>
    public static string Of(RegistryConfig registry, AppConfig app, string version) =>
        Versions.IsDigest(version)
            ? $"{RegistryAddress.Of(registry)}/{app.Image}@{version}"
            : $"{RegistryAddress.Of(registry)}/{app.Image}:{version}";
}
