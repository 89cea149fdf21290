using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>Container requests and limits (valid quantities, and no request above its limit) and volume sizes.</summary>
internal static class ResourceRules
{
    /// <summary>The problem with a volume size that is not a quantity; null for a valid one.</summary>
    public static ConfigProblem? StorageSizeProblem(ConfigPath path, string size, string example) =>
        Quantities.IsValid(size) ? null : ConfigProblem.Error(path, size, "is not a storage size.", $"pulumi config set --path {path} {example}.");

    public static IEnumerable<ConfigProblem> Check(ConfigPath path, ResourcesConfig resources)
    {
        var pairs = new[]
        {
            ("cpuRequest", resources.CpuRequest, "cpuLimit", resources.CpuLimit, "250m"),
            ("memoryRequest", resources.MemoryRequest, "memoryLimit", resources.MemoryLimit, "256Mi"),
        };
        foreach (var (requestKey, request, limitKey, limit, example) in pairs)
        {
            var requested = Quantities.Parse(request);
            var limited = Quantities.Parse(limit);
            foreach (var (key, text, parsed) in new[] { (requestKey, request, requested), (limitKey, limit, limited) })
            {
                if (parsed is null)
                {
                    yield return ConfigProblem.Error(path.Key(key), text, "is not a Kubernetes quantity.",
                        $"pulumi config set --path {path.Key(key)} {example}.");
                }
            }
            if (requested > limited)
            {
                yield return ConfigProblem.Error(path.Key(requestKey), request, $"is above its limit ({limit}); Kubernetes rejects such a pod.",
                    $"lower {path.Key(requestKey)} or raise {path.Key(limitKey)}.");
            }
        }
    }
}
