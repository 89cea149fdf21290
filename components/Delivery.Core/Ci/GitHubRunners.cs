using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Ci;

/// <summary>
/// GitHub Actions runners with actions-runner-controller, in Kubernetes container mode: every job
/// runs in a job pod the runner creates through its namespaced Role, so no runner needs Docker, let
/// alone a privileged Docker-in-Docker. Images are built by running the job in a Kaniko executor
/// container (<c>container: gcr.io/kaniko-project/executor:debug</c>, then
/// <c>/kaniko/executor --destination …</c>), which builds unprivileged.
/// Two scale sets: the default one (<c>runs-on: &lt;label&gt;</c>) for every job, in ci, with no
/// registry credentials; and a release one (<c>runs-on: &lt;label&gt;-release</c>), in ci-release,
/// whose job template mounts the push credentials at <see cref="PushConfigDirectory"/>, where
/// <c>DOCKER_CONFIG</c> points, and whose job pods alone may reach the API server: only the
/// workflows that publish images and deploy (pulumi up) run there.
/// Each namespace has its own controller, watching only it (namespaced Roles, no ClusterRole): the
/// default one in ci-control, where it also runs the default listener, and the release one in
/// ci-release beside its listener. One controller cannot serve both: with
/// <c>flags.watchSingleNamespace</c> its cache holds that namespace and its own only, and without it
/// the chart grants a ClusterRole over every namespace's pods, service accounts and Roles. Two
/// controllers cannot share ci-control either, because each reconciles every listener in its own
/// namespace (docs/charts/gha-runner-scale-set-controller-0.13.0.yaml).
/// </summary>
public static class GitHubRunners
{
    public const string ControllerRelease = "arc";
    public const string ControllerServiceAccount = "arc-controller";
    public const string ReleaseControllerRelease = "arc-release";
    public const string ReleaseControllerServiceAccount = "arc-release-controller";
    public const string ScaleSetRelease = "arc-runners";
    public const string ReleaseScaleSetRelease = "arc-release-runners";
    public const string RunnerServiceAccount = "github-runner";
    public const string ReleaseRunnerServiceAccount = "github-release-runner";
    public const string AuthSecretName = "github-runner-auth";
    public const string ReleaseAuthSecretName = "github-release-runner-auth";
    public const string JobTemplateConfigMap = "github-runner-job-template";
    public const string ReleaseJobTemplateConfigMap = "github-release-job-template";
    public const string ReleaseSuffix = "-release";

    public const string DefaultScaleSetName = "delivery-platform";

    public const int RunnerUserId = 1001;
    public const string PushConfigDirectory = "/registry-push";

    private const string JobTemplateDirectory = "/home/runner/job-template";
    private const string JobTemplateFile = "job.yaml";

    /// <summary>
    /// What the runner needs to run job pods and container steps: exactly the hook's
    /// <c>requiredPermissions</c> (actions/runner-container-hooks, packages/k8s/src/k8s/index.ts),
    /// which it checks with SelfSubjectAccessReviews before every job and refuses to run without.
    /// That includes get/list on Secrets and pods/exec in its jobs' namespace: a runner can read the
    /// Secrets there (its scale set's GitHub auth Secret, which ARC requires beside the scale set, and
    /// for the release runners the push credentials their jobs mount). Its token reaches nothing
    /// outside that namespace, so a default runner reaches nothing in ci-release; job pods get no token at all.
    /// </summary>
    public static IReadOnlyList<RunnerRbac.Rule> RunnerRules { get; } =
    [
        new("", ["pods"], ["get", "list", "create", "delete"]),
        new("", ["pods/exec"], ["get", "create"]),
        new("", ["pods/log"], ["get", "list", "watch"]),
        new("batch", ["jobs"], ["get", "list", "create", "delete"]),
        new("", ["secrets"], ["get", "list", "create", "delete"]),
    ];

    /// <summary>The <c>runs-on</c> name: the first label, or <see cref="DefaultScaleSetName"/>.</summary>
    public static string ScaleSetName(GitHubRunnersConfig github) => github.Labels.Count > 0 ? github.Labels[0] : DefaultScaleSetName;

    /// <summary>The <c>runs-on</c> name of the release runners, which alone get the push credentials.</summary>
    public static string ReleaseScaleSetName(GitHubRunnersConfig github) => ScaleSetName(github) + ReleaseSuffix;

    /// <summary>Where a scale set runs and who serves it: its namespace, its runners' service account, and its controller.</summary>
    private sealed record Placement(string Namespace, string RunnerServiceAccount, string ControllerNamespace, string ControllerServiceAccount);

    private static readonly Placement Default = new(PlatformNamespaces.Ci, RunnerServiceAccount, PlatformNamespaces.CiControl, ControllerServiceAccount);
    private static readonly Placement ForRelease = new(PlatformNamespaces.CiRelease, ReleaseRunnerServiceAccount, PlatformNamespaces.CiRelease, ReleaseControllerServiceAccount);

    public static ComponentRendering Render(ValidStack stack)
    {
        var github = stack.Config.Ci.Github;
        var build = CiRunnersRenderer.HasBuildRunners(stack.Config);
        List<KubernetesObject> objects = [];
        List<HelmChartSpec> charts = [];
        List<SecretSpec> secrets = [];
        if (build)
        {
            objects.AddRange(RunnerRbac.Render(RunnerServiceAccount, Default.Namespace, RunnerRules));
            objects.Add(JobTemplate(JobTemplateConfigMap, Default.Namespace, stack.Profile, release: false, push: null));
            charts.Add(Controller(ControllerRelease, Default, stack.Profile, installCrds: true));
            charts.Add(ScaleSet(ScaleSetRelease, ScaleSetName(github), Default, JobTemplateConfigMap, AuthSecretName, github.MinRunners, github.MaxRunners, stack, github.RunnerGroup));
            secrets.Add(AuthSecret(AuthSecretName, Default.Namespace, github.Default()));
        }
        if (CiRunnersRenderer.HasReleaseRunners(stack.Config))
        {
            objects.AddRange(RunnerRbac.Render(ReleaseRunnerServiceAccount, ForRelease.Namespace, RunnerRules));
            objects.Add(JobTemplate(ReleaseJobTemplateConfigMap, ForRelease.Namespace, stack.Profile, release: true, RegistryCredentials.PushSecret(stack.Config)));
            // One release installs the CRDs (the default controller's, where it exists): a second install of the same CRDs would conflict.
            charts.Add(Controller(ReleaseControllerRelease, ForRelease, stack.Profile, installCrds: !build));
            charts.Add(ScaleSet(ReleaseScaleSetRelease, ReleaseScaleSetName(github), ForRelease, ReleaseJobTemplateConfigMap, ReleaseAuthSecretName, 0, CiRunnersRenderer.ReleaseRunners, stack,
                github.ReleaseRunnerGroup.Length > 0 ? github.ReleaseRunnerGroup : github.RunnerGroup));
            secrets.Add(AuthSecret(ReleaseAuthSecretName, ForRelease.Namespace, github.Release));
        }
        return new ComponentRendering(CiRunnersRenderer.Component, objects, charts, secrets, []);
    }

    /// <summary>A GitHub App (recommended) or a token, under the key names the controller reads; one per scale set.</summary>
    public static SecretSpec AuthSecret(string name, string @namespace, GitHubCredentials credentials)
    {
        IReadOnlyList<SecretEntry> entries = credentials.AppId.Length > 0
            ?
            [
                // The ids are not secret (they are in the stack file); the Secret just keeps the three together.
                new SecretEntry("github_app_id", new LiteralSource(credentials.AppId)),
                new SecretEntry("github_app_installation_id", new LiteralSource(credentials.AppInstallationId)),
                new SecretEntry("github_app_private_key", new ConfigSecretSource(credentials.AppPrivateKey)),
            ]
            : [new SecretEntry("github_token", new ConfigSecretSource(credentials.Token))];
        return new SecretSpec(name, @namespace, "Opaque", StandardLabels.Shared(name, CiRunnersRenderer.Component), entries);
    }

    private static HelmChartSpec Controller(string release, Placement placement, TierProfile profile, bool installCrds) => new(release, $"{Pins.GitHubActionsRunners.Repository}/{Pins.GitHubActionsRunners.ControllerChart}", "", Pins.GitHubActionsRunners.Version, placement.ControllerNamespace, Map(
        ("serviceAccount", Map(("create", true), ("name", placement.ControllerServiceAccount))),
        ("flags", Map(("logLevel", "info"), ("logFormat", "json"), ("watchSingleNamespace", placement.Namespace))),
        ("metrics", Map(("controllerManagerAddr", ":8080"), ("listenerAddr", ":8080"), ("listenerEndpoint", "/metrics"))),
        ("resources", RunnerResources.Controller(profile)),
        ("podSecurityContext", PodDefaults.RestrictedPod()),
        ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: false))))
    { SkipCrds = !installCrds };

    private static HelmChartSpec ScaleSet(string release, string name, Placement placement, string jobTemplate, string authSecret, int minRunners, int maxRunners, ValidStack stack, string runnerGroup)
    {
        var github = stack.Config.Ci.Github;
        var runner = Map(
            ("name", "runner"),
            ("image", Pins.GitHubActionsRunners.RunnerImage),
            ("command", List("/home/runner/run.sh")),
            ("env", List(Map(("name", "ACTIONS_RUNNER_CONTAINER_HOOK_TEMPLATE"), ("value", $"{JobTemplateDirectory}/{JobTemplateFile}")))),
            // The runner only drives the job pod, which gets the job's share (see JobTemplate).
            ("resources", RunnerResources.Controller(stack.Profile)),
            ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: false, RunnerUserId)),
            ("volumeMounts", List(Map(("name", "job-template"), ("mountPath", JobTemplateDirectory), ("readOnly", true)))));
        return new HelmChartSpec(release, $"{Pins.GitHubActionsRunners.Repository}/{Pins.GitHubActionsRunners.ScaleSetChart}", "", Pins.GitHubActionsRunners.Version, placement.Namespace, Map(
            ("githubConfigUrl", github.ConfigUrl),
            ("githubConfigSecret", authSecret),
            ("minRunners", minRunners),
            ("maxRunners", maxRunners),
            ("runnerGroup", runnerGroup.Length > 0 ? runnerGroup : null),
            ("runnerScaleSetName", name),
            ("containerMode", Map(
                ("type", "kubernetes"),
                ("kubernetesModeWorkVolumeClaim", Map(
                    ("accessModes", List("ReadWriteOnce")),
                    ("resources", Map(("requests", Map(("storage", RunnerResources.WorkVolumeSize(stack.Profile)))))))))),
            // Explicit, so the chart needs no cluster lookup to find the controller.
            ("controllerServiceAccount", Map(("namespace", placement.ControllerNamespace), ("name", placement.ControllerServiceAccount))),
            // The controller starts the scale set's listener in its own namespace (ci-control enforces
            // Pod Security "restricted"); ARC's listener pod sets no security context of its own, so it is given one.
            ("listenerTemplate", Map(("spec", Map(
                ("securityContext", PodDefaults.RestrictedPod()),
                ("containers", List(Map(("name", "listener"), ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: false))))))))),
            ("template", Map(("spec", Map(
                ("serviceAccountName", placement.RunnerServiceAccount),
                ("securityContext", PodDefaults.RestrictedPod(fsGroup: RunnerUserId)),
                ("containers", List(runner)),
                ("volumes", List(Map(("name", "job-template"), ("configMap", Map(("name", jobTemplate))))))))))));
    }

    /// <summary>
    /// The hook's pod template for job pods (<c>$job</c> is the job container): the job's own
    /// resources, no API token, the release label and the push credentials (where the registry takes
    /// pushes) for release runners only, and the tightest
    /// security context Kaniko builds in (<see cref="JobPodSecurity"/>).
    /// </summary>
    private static KubernetesObject JobTemplate(string name, string @namespace, TierProfile profile, bool release, string? push)
    {
        var job = Map(
            ("name", "$job"),
            ("resources", RunnerResources.Job(profile)),
            ("securityContext", Map(
                ("allowPrivilegeEscalation", false),
                ("capabilities", Map(("drop", List("ALL")), ("add", ListOf(JobPodSecurity.KanikoCapabilities)))))),
            ("env", push is null ? null : List(Map(("name", "DOCKER_CONFIG"), ("value", PushConfigDirectory)))),
            ("volumeMounts", push is null ? null : List(Map(("name", "registry-push"), ("mountPath", PushConfigDirectory), ("readOnly", true)))));
        var spec = Map(
            ("serviceAccountName", CiRunnersRenderer.JobServiceAccount),
            ("automountServiceAccountToken", false),
            ("securityContext", Map(("seccompProfile", Map(("type", "RuntimeDefault"))))),
            ("containers", List(job)),
            ("volumes", push is null ? null : List(PushVolume(push))));
        return Manifest.Object("v1", "ConfigMap", name, @namespace,
            StandardLabels.Shared(name, CiRunnersRenderer.Component),
            ("data", Map((JobTemplateFile, YamlWriter.Write(Map(
                // Release job pods are labelled, so that they alone may reach the API server (pulumi up).
                ("metadata", release ? Map(("labels", Strings(Network.PlatformPods.ReleaseJobs))) : null),
                ("spec", spec)))))));
    }

    /// <summary>The dockerconfigjson Secret as the <c>config.json</c> that Docker-compatible tools read from DOCKER_CONFIG.</summary>
    private static OrderedDictionary<string, object?> PushVolume(string secretName) =>
        Map(("name", "registry-push"), ("secret", Map(
            ("secretName", secretName),
            ("items", List(Map(("key", RegistryCredentials.DockerConfigJsonKey), ("path", "config.json")))))));
}
