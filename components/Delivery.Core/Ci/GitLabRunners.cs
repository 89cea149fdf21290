using System.Globalization;
using System.Text;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Ci;

/// <summary>
/// A GitLab Runner with the Kubernetes executor: the manager runs in ci-control as our
/// ServiceAccount (the chart creates no RBAC of its own), with its runner token beside it, and
/// starts each job as a pod in the ci namespace through a Role there: never privileged, no
/// privilege escalation, only the capabilities Kaniko needs (<see cref="JobPodSecurity"/>), no API
/// token, the tier's resources and the registry push credentials at
/// <see cref="GitHubRunners.PushConfigDirectory"/> (<c>DOCKER_CONFIG</c>). Images are built
/// unprivileged with Kaniko (<c>image: gcr.io/kaniko-project/executor:debug</c>).
/// </summary>
public static class GitLabRunners
{
    public const string ChartRepository = "https://charts.gitlab.io";
    public const string Chart = "gitlab-runner";
    public const string ChartVersion = "0.84.1";

    public const string Release = "gitlab-runner";
    public const string ServiceAccount = "gitlab-runner";
    public const string AuthSecretName = "gitlab-runner-auth";

    /// <summary>The image a job runs in when its <c>.gitlab-ci.yml</c> names none.</summary>
    public const string DefaultJobImage = "docker.io/library/alpine:3.20";

    /// <summary>What the Kubernetes executor needs to run, attach to and clean up job pods (GitLab's runner API permissions).</summary>
    public static IReadOnlyList<RunnerRbac.Rule> ExecutorRules { get; } =
    [
        new("", ["pods"], ["get", "list", "watch", "create", "delete"]),
        new("", ["pods/attach", "pods/exec"], ["get", "create", "delete", "patch"]),
        new("", ["pods/log"], ["get", "list"]),
        new("", ["secrets", "configmaps"], ["get", "create", "update", "delete"]),
        new("", ["services"], ["get", "create"]),
        new("", ["serviceaccounts"], ["get"]),
        new("", ["events"], ["list", "watch"]),
    ];

    public static ComponentRendering Render(DeliveryConfig config, Tier tier) =>
        new(CiRunnersRendering.Component,
            [.. RunnerRbac.Render(ServiceAccount, PlatformNamespaces.CiControl, ExecutorRules)],
            [Runner(config, tier)],
            [AuthSecret(config.Ci.Gitlab)],
            []);

    /// <summary>
    /// The runner authentication token (glrt-…) under <c>runner-token</c>; the chart also reads
    /// <c>runner-registration-token</c>, which stays empty in the authentication-token flow.
    /// </summary>
    public static SecretSpec AuthSecret(GitLabRunnersConfig gitlab) =>
        new(AuthSecretName, PlatformNamespaces.CiControl, "Opaque", StandardLabels.Shared(AuthSecretName, CiRunnersRendering.Component),
        [
            new SecretEntry("runner-registration-token", new LiteralSource("")),
            new SecretEntry("runner-token", new ConfigSecretSource(gitlab.RunnerToken)),
        ]);

    private static HelmChartSpec Runner(DeliveryConfig config, Tier tier) => new(Release, Chart, ChartRepository, ChartVersion, PlatformNamespaces.CiControl, Map(
        ("gitlabUrl", config.Ci.Gitlab.Url),
        ("concurrent", config.Ci.Gitlab.Concurrency),
        ("rbac", Map(("create", false))),
        ("serviceAccount", Map(("create", false), ("name", ServiceAccount))),
        ("metrics", Map(("enabled", true))),
        ("resources", RunnerResources.Controller(tier)),
        ("podSecurityContext", PodDefaults.RestrictedPod()),
        // The chart's own default adds privileged: false; Helm merges it in.
        ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: false)),
        ("runners", Map(
            ("secret", AuthSecretName),
            ("config", ExecutorToml(config, tier))))));

    /// <summary>The executor's <c>config.toml</c> section (the chart adds the URL and token).</summary>
    public static string ExecutorToml(DeliveryConfig config, Tier tier)
    {
        var resources = RunnerResources.Job(tier);
        string Quantity(string kind, string resource) => (string)((OrderedDictionary<string, object?>)resources[kind]!)[resource]!;
        var push = RegistryCredentials.PushSecret(config.Registry);
        var toml = new StringBuilder()
            .AppendLine("[[runners]]");
        if (push is not null)
            toml.AppendLine(CultureInfo.InvariantCulture, $"  environment = [\"DOCKER_CONFIG={GitHubRunners.PushConfigDirectory}\"]");
        toml.AppendLine("  [runners.kubernetes]")
            .AppendLine(CultureInfo.InvariantCulture, $"    namespace = \"{PlatformNamespaces.Ci}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"    image = \"{DefaultJobImage}\"")
            .AppendLine("    privileged = false")
            .AppendLine("    allow_privilege_escalation = false")
            .AppendLine("    cap_drop = [\"ALL\"]")
            .AppendLine(CultureInfo.InvariantCulture, $"    cap_add = [{string.Join(", ", JobPodSecurity.KanikoCapabilities.Select(c => $"\"{c}\""))}]")
            .AppendLine(CultureInfo.InvariantCulture, $"    service_account = \"{CiRunnersRendering.JobServiceAccount}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"    cpu_request = \"{Quantity("requests", "cpu")}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"    cpu_limit = \"{Quantity("limits", "cpu")}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"    memory_request = \"{Quantity("requests", "memory")}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"    memory_limit = \"{Quantity("limits", "memory")}\"");
        if (push is not null)
        {
            toml.AppendLine("    [[runners.kubernetes.volumes.secret]]")
                .AppendLine(CultureInfo.InvariantCulture, $"      name = \"{push}\"")
                .AppendLine(CultureInfo.InvariantCulture, $"      mount_path = \"{GitHubRunners.PushConfigDirectory}\"")
                .AppendLine("      read_only = true")
                .AppendLine("      [runners.kubernetes.volumes.secret.items]")
                .AppendLine(CultureInfo.InvariantCulture, $"        \"{RegistryCredentials.DockerConfigJsonKey}\" = \"config.json\"");
        }
        return toml.ToString();
    }
}
