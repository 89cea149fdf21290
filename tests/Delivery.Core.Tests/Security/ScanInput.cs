using Delivery.Core.Ci;
using Delivery.Core.Kubernetes;
using Delivery.Core.Platform;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// What the policy scanner sees of a stack: every rendered object, the Secrets the shell creates
/// (as empty stand-ins with their real names, so references to them resolve), and the pod
/// templates we write inside a ConfigMap (the ARC job template) and inside chart values (the
/// runner scale set's pod template), each as a Pod.
/// </summary>
internal static class ScanInput
{
    public static string Yaml(PlatformRendering rendering) => YamlWriter.WriteAll(Objects(rendering));

    public static IEnumerable<KubernetesObject> Objects(PlatformRendering rendering) =>
        rendering.Objects
            .Concat(rendering.Components.SelectMany(c => c.Secrets).Select(SecretStandIn))
            .Concat(EmbeddedPods(rendering));

    public static IEnumerable<KubernetesObject> EmbeddedPods(PlatformRendering rendering)
    {
        // The default runners' and the release runners' job and runner pods.
        foreach (var configMap in rendering.Objects.Where(o => o.Kind == "ConfigMap" && o.Name is GitHubRunners.JobTemplateConfigMap or GitHubRunners.ReleaseJobTemplateConfigMap))
        {
            var data = (OrderedDictionary<string, object?>)configMap.Body["data"]!;
            var template = EmbeddedYaml.Parse((string)data.Values.Single()!);
            yield return Pod(configMap.Name == GitHubRunners.JobTemplateConfigMap ? "github-job-template" : "github-release-job-template", configMap.Namespace, template["spec"]);
        }
        foreach (var chart in rendering.Charts.Where(c => c.ReleaseName is GitHubRunners.ScaleSetRelease or GitHubRunners.ReleaseScaleSetRelease))
        {
            yield return Pod(chart.ReleaseName == GitHubRunners.ScaleSetRelease ? "github-runner-template" : "github-release-runner-template", chart.Namespace,
                ((OrderedDictionary<string, object?>)chart.Values["template"]!)["spec"]);
        }
    }

    private static KubernetesObject Pod(string name, string @namespace, object? spec) =>
        Manifest.Object("v1", "Pod", name, @namespace, new Dictionary<string, string> { ["scan"] = "embedded-template" }, ("spec", spec));

    private static KubernetesObject SecretStandIn(SecretSpec secret) =>
        Manifest.Object("v1", "Secret", secret.Name, secret.Namespace, secret.Labels, ("type", secret.Type));
}
