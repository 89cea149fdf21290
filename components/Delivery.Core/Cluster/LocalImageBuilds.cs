using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Registry;

namespace Delivery.Core.Cluster;

/// <summary>
/// What the local stack builds itself (apps with <c>build</c> set): one image per version an app
/// deploys, from the working tree, pushed to the local registry under that version's tag, so the
/// reference its pods name exists without anyone pushing it. The shell pins each pod to the digest
/// the push returns (<see cref="Pin"/>): a rebuild under the same tag is a new pod template, so it
/// rolls out even with <c>imagePullPolicy: IfNotPresent</c>.
/// </summary>
public static class LocalImageBuilds
{
    /// <summary>Only with the local Docker registry: it takes pushes without credentials, on loopback.</summary>
    public static IReadOnlyList<LocalImageBuild> Of(DeliveryConfig config)
    {
        if (config.Registry.Kind != RegistryMode.Docker)
            return [];
        var server = RegistryAddress.Of(config.Registry);
        return
        [
            .. config.Apps.Where(app => app.Value.Build.IsSet).OrderBy(app => app.Key, StringComparer.Ordinal).SelectMany(app =>
                new[] { app.Value.Blue, app.Value.Green, app.Value.Version }
                    .Where(version => version.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .Select(version => new LocalImageBuild(
                        app.Key,
                        version,
                        Normalized(app.Value.Build.Context),
                        app.Value.Build.Dockerfile.Length > 0 ? Normalized(app.Value.Build.Dockerfile) : DefaultDockerfile(app.Value.Build.Context),
                        app.Value.Build.Platform,
                        ImageReference.Of(config.Registry, app.Value, ImageVersion.Parse(version)),
                        server))),
        ];
    }

    /// <summary>
    /// <paramref name="body"/> with every container image that was built here pinned to its pushed
    /// digest (<paramref name="repoDigests"/>: image name → <c>repository@sha256:…</c>); a copy, the
    /// rendering is left as it was.
    /// </summary>
    public static KubernetesObject Pin(KubernetesObject body, IReadOnlyDictionary<string, string> repoDigests) =>
        new((OrderedDictionary<string, object?>)Pinned(body.Body, repoDigests, key: null)!);

    /// <summary>The tag, kept readable, then the digest the push returned: <c>registry.localhost:5000/shop/api:1.5.0@sha256:…</c>.</summary>
    public static string PinnedReference(string imageName, string repoDigest)
    {
        var digest = repoDigest[(repoDigest.LastIndexOf('@') + 1)..];
        if (!repoDigest.Contains('@', StringComparison.Ordinal) || !Versions.IsDigest(digest))
            throw new ArgumentException($"the push of {imageName} returned \"{repoDigest}\", not <repository>@sha256:<64 hex>.", nameof(repoDigest));
        return $"{imageName}@{digest}";
    }

    private static object? Pinned(object? node, IReadOnlyDictionary<string, string> repoDigests, string? key) => node switch
    {
        OrderedDictionary<string, object?> map => new OrderedDictionary<string, object?>(map.Select(entry =>
            KeyValuePair.Create(entry.Key, Pinned(entry.Value, repoDigests, entry.Key)))),
        List<object?> list => list.Select(item => Pinned(item, repoDigests, key: null)).ToList(),
        string image when key == "image" && repoDigests.TryGetValue(image, out var repoDigest) => PinnedReference(image, repoDigest),
        _ => node,
    };

    /// <summary>A project-relative path with '/' separators and no <c>./</c> noise (<c>./samples/</c> → <c>samples</c>).</summary>
    private static string Normalized(string path)
    {
        var segments = path.Replace('\\', '/').Split('/').Where(segment => segment.Length > 0 && segment != ".").ToList();
        return segments.Count == 0 ? "." : string.Join('/', segments);
    }

    private static string DefaultDockerfile(string context) => Normalized($"{context}/Dockerfile");
}
