using System.Globalization;
using System.Text;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Ci;

/// <summary>
/// GitLab Runners with the Kubernetes executor: each manager runs in ci-control as a ServiceAccount
/// of its own (the chart creates no RBAC of its own), with its runner token beside it, and starts
/// each job as a pod in its jobs' namespace through a Role there: never privileged, no
/// privilege escalation, only the capabilities Kaniko needs (<see cref="JobPodSecurity"/>), for the
/// job's and its <c>services:</c> containers alike, RuntimeDefault seccomp, no API token, the tier's
/// resources. Images are built unprivileged with Kaniko
/// (<c>image: gcr.io/kaniko-project/executor:debug</c>). Two runners, as two registrations: the
/// default one for every job, in ci, without registry credentials; and the release runner
/// (<c>ci.gitlab.releaseRunnerToken</c>, protected in GitLab, tag <c>&lt;stack&gt;-cluster-release</c>),
/// whose job pods run in ci-release, mount the push credentials at
/// <see cref="GitHubRunners.PushConfigDirectory"/> (<c>DOCKER_CONFIG</c>) and are labelled so that
/// they alone may reach the API server. Its manager's ServiceAccount has a Role in ci-release only,
/// and the default manager's none there. Jobs cannot change their pod's labels (the executor allows
/// no label overwrites unless configured to).
/// </summary>
public static class GitLabRunners
{
    public const string Release = "gitlab-runner";
    public const string ReleaseRunnerRelease = "gitlab-release-runner";
    public const string ServiceAccount = "gitlab-runner";
    public const string ReleaseServiceAccount = "gitlab-release-runner";
    public const string AuthSecretName = "gitlab-runner-auth";
    public const string ReleaseAuthSecretName = "gitlab-release-runner-auth";

    /// <summary>The pod_spec patch (JSON, which the runner reads as YAML; a TOML literal string, so no escaping).</summary>
    private const string SeccompPatch = """{"securityContext":{"seccompProfile":{"type":"RuntimeDefault"}}}""";

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

    public static ComponentRendering Render(ValidStack stack)
    {
        var gitlab = stack.Config.Ci.Gitlab;
        List<KubernetesObject> objects = [];
        List<HelmChartSpec> charts = [];
        List<SecretSpec> secrets = [];
        if (CiRunnersRenderer.HasBuildRunners(stack.Config))
        {
            objects.AddRange(RunnerRbac.Render(ServiceAccount, PlatformNamespaces.CiControl, PlatformNamespaces.Ci, ExecutorRules));
            charts.Add(Runner(Release, ServiceAccount, AuthSecretName, gitlab.Concurrency, ExecutorToml(stack, release: false), stack));
            secrets.Add(AuthSecret(AuthSecretName, gitlab.RunnerToken));
        }
        if (CiRunnersRenderer.HasReleaseRunners(stack.Config))
        {
            objects.AddRange(RunnerRbac.Render(ReleaseServiceAccount, PlatformNamespaces.CiControl, PlatformNamespaces.CiRelease, ExecutorRules));
            charts.Add(Runner(ReleaseRunnerRelease, ReleaseServiceAccount, ReleaseAuthSecretName, CiRunnersRenderer.ReleaseRunners, ExecutorToml(stack, release: true), stack));
            secrets.Add(AuthSecret(ReleaseAuthSecretName, gitlab.ReleaseRunnerToken));
        }
        return new(CiRunnersRenderer.Component, objects, charts, secrets, []);
    }

    /// <summary>
    /// A runner authentication token (glrt-…) under <c>runner-token</c>; the chart also reads
    /// <c>runner-registration-token</c>, which stays empty in the authentication-token flow.
    /// </summary>
    public static SecretSpec AuthSecret(string name, SecretValue token) =>
        new(name, PlatformNamespaces.CiControl, "Opaque", StandardLabels.Shared(name, CiRunnersRenderer.Component),
        [
            new SecretEntry("runner-registration-token", new LiteralSource("")),
            new SecretEntry("runner-token", new ConfigSecretSource(token)),
        ]);

    private static HelmChartSpec Runner(string release, string serviceAccount, string authSecret, int concurrent, string executorToml, ValidStack stack) =>
        new(release, Pins.GitLabRunner.Chart, Pins.GitLabRunner.Repository, Pins.GitLabRunner.Version, PlatformNamespaces.CiControl, Map(
            ("gitlabUrl", stack.Config.Ci.Gitlab.Url),
            ("concurrent", concurrent),
            ("rbac", Map(("create", false))),
            ("serviceAccount", Map(("create", false), ("name", serviceAccount))),
            ("metrics", Map(("enabled", true))),
            ("resources", RunnerResources.Controller(stack.Profile)),
            ("podSecurityContext", PodDefaults.RestrictedPod()),
            // The chart's own default adds privileged: false; Helm merges it in.
            ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: false)),
            ("runners", Map(
                ("secret", authSecret),
                ("config", executorToml)))));

    /// <summary>The executor's <c>config.toml</c> section (the chart adds the URL and token); ci-release and the release label for the release runner only, and the push credentials where the registry takes pushes.</summary>
    public static string ExecutorToml(ValidStack stack, bool release)
    {
        var resources = RunnerResources.Job(stack.Profile);
        string Quantity(string kind, string resource) => (string)((OrderedDictionary<string, object?>)resources[kind]!)[resource]!;
        var push = release ? RegistryCredentials.PushSecret(stack.Config) : null;
        var toml = new StringBuilder();
        // key = "value" lines at one indent (the values are our own names: nothing to escape).
        void Strings(int indent, params (string Key, string Value)[] pairs)
        {
            foreach (var (key, value) in pairs)
                toml.Append(' ', indent).Append(key).Append(" = \"").Append(value).AppendLine("\"");
        }
        string List(IEnumerable<string> items) => $"[{string.Join(", ", items.Select(item => $"\"{item}\""))}]";

        toml.AppendLine("[[runners]]");
        if (push is not null)
            toml.AppendLine(CultureInfo.InvariantCulture, $"  environment = {List([$"DOCKER_CONFIG={GitHubRunners.PushConfigDirectory}"])}");
        // The runner's own feature flags win over a job's variables, so no job can drop the pod_spec patch.
        toml.AppendLine("  [runners.feature_flags]")
            .AppendLine("    FF_USE_ADVANCED_POD_SPEC_CONFIGURATION = true");
        toml.AppendLine("  [runners.kubernetes]");
        Strings(4, ("namespace", release ? PlatformNamespaces.CiRelease : PlatformNamespaces.Ci), ("image", Pins.GitLabRunner.DefaultJobImage));
        toml.AppendLine("    privileged = false")
            .AppendLine("    allow_privilege_escalation = false")
            .AppendLine(CultureInfo.InvariantCulture, $"    cap_drop = {List(["ALL"])}")
            .AppendLine(CultureInfo.InvariantCulture, $"    cap_add = {List(JobPodSecurity.KanikoCapabilities)}");
        Strings(4,
            ("service_account", CiRunnersRenderer.JobServiceAccount),
            ("cpu_request", Quantity("requests", "cpu")), ("cpu_limit", Quantity("limits", "cpu")),
            ("memory_request", Quantity("requests", "memory")), ("memory_limit", Quantity("limits", "memory")));
        if (release)
        {
            toml.AppendLine("    [runners.kubernetes.pod_labels]");
            Strings(6, [.. Network.PlatformPods.ReleaseJobs.Select(label => ($"\"{label.Key}\"", label.Value))]);
        }
        if (push is not null)
        {
            toml.AppendLine("    [[runners.kubernetes.volumes.secret]]");
            Strings(6, ("name", push), ("mount_path", GitHubRunners.PushConfigDirectory));
            toml.AppendLine("      read_only = true")
                .AppendLine("      [runners.kubernetes.volumes.secret.items]");
            Strings(8, ($"\"{RegistryCredentials.DockerConfigJsonKey}\"", "config.json"));
        }
        // services: containers, as tight as the job's own (the global keys above are only their fallback).
        toml.AppendLine("    [runners.kubernetes.service_container_security_context]")
            .AppendLine("      privileged = false")
            .AppendLine("      allow_privilege_escalation = false")
            .AppendLine("      [runners.kubernetes.service_container_security_context.capabilities]")
            .AppendLine(CultureInfo.InvariantCulture, $"        drop = {List(["ALL"])}")
            .AppendLine(CultureInfo.InvariantCulture, $"        add = {List(JobPodSecurity.KanikoCapabilities)}");
        // The executor has no seccomp key; a strategic-merge patch of the pod spec sets it for every container.
        toml.AppendLine("    [[runners.kubernetes.pod_spec]]");
        Strings(6, ("name", "runtime-default-seccomp"), ("patch_type", "strategic"));
        toml.AppendLine(CultureInfo.InvariantCulture, $"      patch = '{SeccompPatch}'");
        return toml.ToString();
    }
}
