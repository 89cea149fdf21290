using Delivery.Core.Kubernetes;

namespace Delivery.Core.Tests.Tools;

/// <summary>
/// Validates objects against the real Kubernetes and CRD schemas with tools/schema-check. No npm
/// package ships Envoy Gateway's CRD schemas (gateway.envoyproxy.io), so those objects are left out
/// here; their own tests hold their fields to the Envoy Gateway source at the pinned version
/// (docs/charts/gateway-helm-*.yaml).
/// </summary>
internal static class SchemaCheck
{
    private const string EnvoyGatewayGroup = "gateway.envoyproxy.io/";

    public static void AssertValid(IEnumerable<KubernetesObject> objects)
    {
        objects = objects.Where(o => !((string)o.Body["apiVersion"]!).StartsWith(EnvoyGatewayGroup, StringComparison.Ordinal));
        var script = Path.Combine(TestRepository.Root(), "tools", "schema-check", "validate.mjs");
        if (!Directory.Exists(Path.Combine(TestRepository.Root(), "tools", "schema-check", "node_modules")))
            throw new InvalidOperationException("tools/schema-check is not installed: run bash tools/test.sh (or npm ci --prefix tools/schema-check).");
        var result = ExternalTool.Run("node", [script, "-"], YamlWriter.WriteAll(objects));
        Assert.True(result.ExitCode == 0, $"schema-check failed:\n{result.All}");
    }
}
