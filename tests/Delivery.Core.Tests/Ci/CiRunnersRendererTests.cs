using System.Text.RegularExpressions;
using Delivery.Core.Ci;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Registry;
using Delivery.Core.Tests.Tools;
using Tomlyn;
using Tomlyn.Model;
using static Delivery.Core.Tests.Ci.CiFixtures;
using static Delivery.Core.Tests.Registry.RegistryFixtures;

namespace Delivery.Core.Tests.Ci;

public sealed partial class CiRunnersRendererTests
{
    public static TheoryData<string> VariantNames() => [.. Variants().Select(v => v.Name)];

    private static DeliveryConfig Variant(string name) => Variants().Single(v => v.Name == name).Config;

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Objects_pass_the_real_schemas_and_objects_and_values_pass_yamllint_on_every_tier(string variant)
    {
        var config = Variant(variant);
        foreach (var tier in AllTiers)
        {
            var rendering = CiRunnersRenderer.Render(config.Valid(tier));
            SchemaCheck.AssertValid(rendering.Objects);
            YamlLint.AssertClean(YamlWriter.WriteAll(rendering.Objects));
            foreach (var chart in rendering.Charts)
                YamlLint.AssertClean(YamlWriter.Write(chart.Values));
            foreach (var embedded in rendering.Objects.Where(o => o.Kind == "ConfigMap").SelectMany(o => Map(o.Body["data"]).Values.Cast<string>()))
                YamlLint.AssertClean(embedded);
        }
    }

    [Fact]
    public void No_runners_render_nothing()
    {
        var rendering = CiRunnersRenderer.Render(InCluster().Valid(Tier.Dev));

        Assert.Equal(CiRunnersRenderer.Component, rendering.Component);
        Assert.Empty(rendering.Objects);
        Assert.Empty(rendering.Charts);
        Assert.Empty(rendering.Secrets);
        Assert.Empty(rendering.Passwords);
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Default_jobs_live_in_ci_release_jobs_in_ci_release_the_default_controllers_in_ci_control_and_all_carry_the_standard_labels(string variant)
    {
        var config = Variant(variant);
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        var gitlab = config.Ci.Mode == CiConfig.GitLab;
        string[] jobNamespaces = CiRunnersRenderer.HasReleaseRunners(config) ? [PlatformNamespaces.Ci, PlatformNamespaces.CiRelease] : [PlatformNamespaces.Ci];

        Assert.All(rendering.Objects, o => Assert.Contains(o.Namespace, (string[])[.. jobNamespaces, PlatformNamespaces.CiControl]));
        Assert.All(rendering.Objects.Where(o => o.Kind is "Role" or "RoleBinding" or "ConfigMap"), o => Assert.Contains(o.Namespace, jobNamespaces));
        // The default controller and GitLab's managers run apart from the job pods; ARC's release controller beside the release runners.
        Assert.All(rendering.Charts.Where(c => c.ReleaseName is GitHubRunners.ControllerRelease or GitLabRunners.Release or GitLabRunners.ReleaseRunnerRelease),
            c => Assert.Equal(PlatformNamespaces.CiControl, c.Namespace));
        Assert.All(rendering.Charts.Where(c => c.ReleaseName is GitHubRunners.ScaleSetRelease), c => Assert.Equal(PlatformNamespaces.Ci, c.Namespace));
        Assert.All(rendering.Charts.Where(c => c.ReleaseName is GitHubRunners.ReleaseControllerRelease or GitHubRunners.ReleaseScaleSetRelease),
            c => Assert.Equal(PlatformNamespaces.CiRelease, c.Namespace));
        // GitLab's tokens sit beside their managers; ARC requires each scale set's credential beside the scale set.
        Assert.All(rendering.Secrets, s => Assert.Equal(
            gitlab ? PlatformNamespaces.CiControl : s.Name == GitHubRunners.ReleaseAuthSecretName ? PlatformNamespaces.CiRelease : PlatformNamespaces.Ci, s.Namespace));
        Assert.All(rendering.Objects, o => Assert.Equal(CiRunnersRenderer.Component, o.Labels[StandardLabels.Component]));
        Assert.All(rendering.Objects, o => Assert.Equal(o.Name, o.Labels[StandardLabels.Name]));
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Permissions_are_namespaced_roles_only_never_cluster_wide_or_wildcard(string variant)
    {
        var rendering = CiRunnersRenderer.Render(Variant(variant).Valid(Tier.Dev));
        var allowed = new HashSet<string> { "pods", "pods/exec", "pods/attach", "pods/log", "secrets", "configmaps", "jobs", "services", "serviceaccounts", "events" };

        Assert.DoesNotContain(rendering.Objects, o => o.Kind is "ClusterRole" or "ClusterRoleBinding");
        Assert.DoesNotContain(Trees(rendering).SelectMany(Strings), s => s.Contains("cluster-admin", StringComparison.Ordinal));
        var roles = rendering.Objects.Where(o => o.Kind == "Role").ToList();
        Assert.NotEmpty(roles);
        foreach (var rule in roles.SelectMany(r => ((List<object?>)r.Body["rules"]!).Select(Map)))
        {
            Assert.All((List<object?>)rule["resources"]!, resource => Assert.Contains((string)resource!, allowed));
            Assert.DoesNotContain("*", Strings(rule));
        }
        foreach (var binding in rendering.Objects.Where(o => o.Kind == "RoleBinding"))
        {
            var roleRef = Map(binding.Body["roleRef"]);
            Assert.Equal("Role", roleRef["kind"]);
            Assert.Contains(roles, r => r.Name == (string)roleRef["name"]!);
            var subject = Map(Assert.Single((List<object?>)binding.Body["subjects"]!));
            Assert.Contains(rendering.Objects, o => o.Kind == "ServiceAccount" && o.Name == (string)subject["name"]!);
        }
    }

    [Fact]
    public void The_charts_create_no_cluster_wide_permissions_of_their_own()
    {
        var github = CiRunnersRenderer.Render(GitHubApp().Valid(Tier.Dev));
        var gitlab = CiRunnersRenderer.Render(GitLab().Valid(Tier.Dev));

        // ARC's controller only gets a ClusterRole when it watches every namespace: each watches its own one.
        Assert.Equal(PlatformNamespaces.Ci, Path(Chart(github, GitHubRunners.ControllerRelease).Values, "flags")["watchSingleNamespace"]);
        Assert.Equal(PlatformNamespaces.CiRelease, Path(Chart(github, GitHubRunners.ReleaseControllerRelease).Values, "flags")["watchSingleNamespace"]);
        // With its own ServiceAccount set, the scale set chart creates no kube-mode Role; ours is used.
        Assert.Equal(GitHubRunners.RunnerServiceAccount, Path(Chart(github, GitHubRunners.ScaleSetRelease).Values, "template", "spec")["serviceAccountName"]);
        Assert.Equal(GitHubRunners.ReleaseRunnerServiceAccount, Path(Chart(github, GitHubRunners.ReleaseScaleSetRelease).Values, "template", "spec")["serviceAccountName"]);
        foreach (var (release, account) in new[] { (GitLabRunners.Release, GitLabRunners.ServiceAccount), (GitLabRunners.ReleaseRunnerRelease, GitLabRunners.ReleaseServiceAccount) })
        {
            var gitlabValues = Chart(gitlab, release).Values;
            Assert.Equal(false, Path(gitlabValues, "rbac")["create"]);
            Assert.Equal(false, Path(gitlabValues, "serviceAccount")["create"]);
            Assert.Equal(account, Path(gitlabValues, "serviceAccount")["name"]);
        }
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Nothing_rendered_is_privileged_adds_capabilities_or_touches_the_host(string variant)
    {
        var rendering = CiRunnersRenderer.Render(Variant(variant).Valid(Tier.Dev));
        var trees = Trees(rendering).Concat(EmbeddedDocuments(rendering)).ToList();

        foreach (var map in trees.SelectMany(Maps))
        {
            Assert.NotEqual(true, map.GetValueOrDefault("privileged"));
            Assert.NotEqual(true, map.GetValueOrDefault("allowPrivilegeEscalation"));
            foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" })
                Assert.NotEqual(true, map.GetValueOrDefault(host));
            Assert.False(map.ContainsKey("hostPath"), "hostPath volume");
            // Job pods keep only the default capabilities Kaniko needs (baseline allows no others).
            if (map.GetValueOrDefault("capabilities") is OrderedDictionary<string, object?> capabilities && capabilities.TryGetValue("add", out var added))
            {
                Assert.Equal(["ALL"], (List<object?>)capabilities["drop"]!);
                Assert.Equal(JobPodSecurity.KanikoCapabilities, ((List<object?>)added!).Cast<string>());
            }
            Assert.NotEqual("dind", map.GetValueOrDefault("type"));
        }
        var text = string.Join('\n', trees.SelectMany(Strings));
        Assert.DoesNotMatch(PrivilegedInText(), text);
        Assert.DoesNotContain(":dind", text, StringComparison.Ordinal);
        if (Variant(variant).Ci.Mode == CiConfig.GitLab)
        {
            foreach (var release in new[] { false, true })
                Assert.Contains("privileged = false", GitLabRunners.ExecutorToml(Variant(variant).Valid(Tier.Dev), release), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Every_secret_and_service_account_named_exists(string variant)
    {
        var config = Variant(variant);
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        var secrets = AllSecrets(config, rendering).Where(s => s.Namespace is PlatformNamespaces.Ci or PlatformNamespaces.CiRelease or PlatformNamespaces.CiControl).Select(s => s.Name).ToHashSet();
        var accounts = rendering.Objects.Where(o => o.Kind == "ServiceAccount").Select(o => o.Name).ToHashSet();
        var trees = Trees(rendering).Concat(EmbeddedDocuments(rendering)).ToList();

        var named = trees.SelectMany(Maps).Select(m => m.GetValueOrDefault("secretName")).OfType<string>().ToList();
        foreach (var chart in rendering.Charts)
        {
            named.AddRange(new[] { chart.Values.GetValueOrDefault("githubConfigSecret"), (chart.Values.GetValueOrDefault("runners") as OrderedDictionary<string, object?>)?.GetValueOrDefault("secret") }.OfType<string>());
        }
        named.AddRange(TomlSecretNames(rendering));
        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, secrets));

        var serviceAccounts = trees.SelectMany(Maps).Select(m => m.GetValueOrDefault("serviceAccountName")).OfType<string>()
            .Concat(TomlServiceAccounts(rendering))
            .Concat(rendering.Charts.Select(c => (c.Values.GetValueOrDefault("serviceAccount") as OrderedDictionary<string, object?>)?.GetValueOrDefault("name") as string)
                .OfType<string>().Where(name => name is not (GitHubRunners.ControllerServiceAccount or GitHubRunners.ReleaseControllerServiceAccount)))
            .ToList();
        Assert.NotEmpty(serviceAccounts);
        Assert.All(serviceAccounts, name => Assert.Contains(name, accounts));
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Jobs_get_the_push_credentials_exactly_where_the_registry_takes_authenticated_pushes_and_build_runners_make_images(string variant)
    {
        var config = Variant(variant);
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        var text = string.Join('\n', Trees(rendering).Concat(EmbeddedDocuments(rendering)).SelectMany(Strings));
        var pushes = RegistryCredentials.RequiresAuthentication(config.Registry) && config.Ci.BuildRunners;

        Assert.Equal(pushes, RegistryCredentials.PushSecret(config) is not null);
        Assert.Equal(pushes, RegistryRenderer.Render(config.Valid(Tier.Dev)).Secrets.Any(s => s.Name == RegistryCredentials.PushSecretName));
        Assert.Equal(pushes, text.Contains(RegistryCredentials.PushSecretName, StringComparison.Ordinal));
        Assert.Equal(pushes, text.Contains($"DOCKER_CONFIG={GitHubRunners.PushConfigDirectory}", StringComparison.Ordinal)
            || EmbeddedDocuments(rendering).SelectMany(Maps).Any(m => m.GetValueOrDefault("name") as string == "DOCKER_CONFIG"));
    }

    [Theory]
    [InlineData("github, release runners only")]
    [InlineData("gitlab, release runners only, external registry")]
    public void Release_runners_only_leave_ci_empty_and_keep_the_release_jobs_labelled_for_the_api_server(string variant)
    {
        var config = Variant(variant);
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        var github = config.Ci.Mode == CiConfig.GitHub;

        Assert.Equal([PlatformNamespaces.CiRelease], CiRunnersRenderer.JobNamespaces(config));
        Assert.DoesNotContain(PlatformNamespaces.Ci, Delivery.Core.Cluster.PlatformNamespaceObjects.InUse(config));
        Assert.Equal(!github, Delivery.Core.Cluster.PlatformNamespaceObjects.InUse(config).Contains(PlatformNamespaces.CiControl));
        Assert.DoesNotContain(rendering.Objects, o => o.Namespace == PlatformNamespaces.Ci);
        Assert.Equal([github ? GitHubRunners.ReleaseAuthSecretName : GitLabRunners.ReleaseAuthSecretName], rendering.Secrets.Select(s => s.Name));
        Assert.Equal(github ? [GitHubRunners.ReleaseControllerRelease, GitHubRunners.ReleaseScaleSetRelease] : [GitLabRunners.ReleaseRunnerRelease],
            rendering.Charts.Select(c => c.ReleaseName));
        if (github)
        {
            // With no default controller, the release controller's chart installs ARC's CRDs.
            Assert.False(rendering.Charts.Single(c => c.ReleaseName == GitHubRunners.ReleaseControllerRelease).SkipCrds);
            var template = EmbeddedDocuments(rendering).Single();
            Assert.Equal(Delivery.Core.Network.PlatformPods.ReleaseJobs.ToDictionary(), Map(Map(template["metadata"])["labels"]).ToDictionary(kv => kv.Key, kv => (string)kv.Value!));
        }
        else
        {
            var toml = (string)Map(rendering.Charts.Single().Values["runners"])["config"]!;
            Assert.All(Delivery.Core.Network.PlatformPods.ReleaseJobs, label => Assert.Contains($"\"{label.Key}\" = \"{label.Value}\"", toml, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Prod_hosts_release_runners_only_unless_asked_and_every_other_tier_hosts_build_runners_too()
    {
        foreach (var tier in AllTiers)
            Assert.Equal(tier != Tier.Prod, bool.Parse(Delivery.Core.Configuration.TierDefaults.For(TierProfile.For(tier), [])["ci:buildRunners"]));
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Chart_versions_are_pinned_exact_versions(string variant)
    {
        var rendering = CiRunnersRenderer.Render(Variant(variant).Valid(Tier.Dev));

        Assert.NotEmpty(rendering.Charts);
        Assert.All(rendering.Charts, chart => Assert.Matches(@"^\d+\.\d+\.\d+$", chart.Version));
    }

    [Fact]
    public void The_github_app_secret_has_the_three_keys_the_controller_reads()
    {
        var config = GitHubApp();
        var secret = Assert.Single(CiRunnersRenderer.Render(config.Valid(Tier.Dev)).Secrets, s => s.Name == GitHubRunners.AuthSecretName);

        Assert.Equal(["github_app_id", "github_app_installation_id", "github_app_private_key"], secret.Entries.Select(e => e.Key));
        Assert.Equal(new ConfigSecretSource(config.Ci.Github.AppPrivateKey), secret.Entries[2].Source);
        Assert.Equal(new LiteralSource("918273"), secret.Entries[0].Source);
    }

    [Fact]
    public void The_github_token_secret_has_only_the_token()
    {
        var config = GitHubToken();
        var secret = Assert.Single(CiRunnersRenderer.Render(config.Valid(Tier.Dev)).Secrets, s => s.Name == GitHubRunners.AuthSecretName);

        Assert.Equal(new SecretEntry("github_token", new ConfigSecretSource(config.Ci.Github.Token)), Assert.Single(secret.Entries));
    }

    /// <summary>Issue #22, finding 4: one GitHub App or token per scale set, so the default runners' credential never registers release runners.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_release_scale_set_registers_with_its_own_app_or_token(bool app)
    {
        var config = app ? GitHubApp() : GitHubToken();
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        var release = Assert.Single(rendering.Secrets, s => s.Name == GitHubRunners.ReleaseAuthSecretName);

        Assert.Equal(GitHubRunners.ReleaseAuthSecretName, Chart(rendering, GitHubRunners.ReleaseScaleSetRelease).Values["githubConfigSecret"]);
        Assert.Equal(GitHubRunners.AuthSecretName, Chart(rendering, GitHubRunners.ScaleSetRelease).Values["githubConfigSecret"]);
        if (app)
        {
            Assert.Equal(new LiteralSource("918274"), release.Entries[0].Source);
            Assert.Equal(new ConfigSecretSource(config.Ci.Github.Release.AppPrivateKey), release.Entries[2].Source);
        }
        else
        {
            Assert.Equal(new SecretEntry("github_token", new ConfigSecretSource(config.Ci.Github.Release.Token)), Assert.Single(release.Entries));
        }
    }

    [Fact]
    public void The_gitlab_secrets_carry_the_authentication_tokens_and_an_empty_registration_token()
    {
        var config = GitLab();
        var secrets = CiRunnersRenderer.Render(config.Valid(Tier.Dev)).Secrets;

        Assert.Equal([GitLabRunners.AuthSecretName, GitLabRunners.ReleaseAuthSecretName], secrets.Select(s => s.Name));
        foreach (var (secret, token) in secrets.Zip([config.Ci.Gitlab.RunnerToken, config.Ci.Gitlab.ReleaseRunnerToken]))
        {
            Assert.Equal(new ConfigSecretSource(token), Assert.Single(secret.Entries, e => e.Key == "runner-token").Source);
            Assert.Equal(new LiteralSource(""), Assert.Single(secret.Entries, e => e.Key == "runner-registration-token").Source);
        }
    }

    [Fact]
    public void The_scale_set_values_carry_the_configured_scale_set()
    {
        var values = Chart(CiRunnersRenderer.Render(GitHubApp(("ci:github:minRunners", "1"), ("ci:github:maxRunners", "7"), ("ci:github:runnerGroup", "builders")).Valid(Tier.Dev)), GitHubRunners.ScaleSetRelease).Values;

        Assert.Equal("https://github.com/acme", values["githubConfigUrl"]);
        Assert.Equal(GitHubRunners.AuthSecretName, values["githubConfigSecret"]);
        Assert.Equal(1, values["minRunners"]);
        Assert.Equal(7, values["maxRunners"]);
        Assert.Equal("builders", values["runnerGroup"]);
        Assert.Equal("dev-cluster", values["runnerScaleSetName"]);
        Assert.Equal("kubernetes", Path(values, "containerMode")["type"]);
        Assert.Equal(Manifest.Map(("namespace", PlatformNamespaces.CiControl), ("name", GitHubRunners.ControllerServiceAccount)), values["controllerServiceAccount"]);
        var controller = Chart(CiRunnersRenderer.Render(GitHubApp().Valid(Tier.Dev)), GitHubRunners.ControllerRelease).Values;
        Assert.Equal(GitHubRunners.ControllerServiceAccount, Path(controller, "serviceAccount")["name"]);
    }

    [Fact]
    public void Without_labels_the_scale_set_gets_the_default_name_and_the_default_runner_group()
    {
        // Only the local tier goes without a runner group.
        var local = CiFixtures.Variants().Single(variant => variant.Name == "github, local docker registry").Config;
        var values = Chart(CiRunnersRenderer.Render(local.Valid(Tier.Local)), GitHubRunners.ScaleSetRelease).Values;

        Assert.Equal(GitHubRunners.DefaultScaleSetName, values["runnerScaleSetName"]);
        Assert.False(values.ContainsKey("runnerGroup"));
    }

    [Fact]
    public void The_gitlab_values_carry_the_instance_concurrency_and_kubernetes_executor()
    {
        var config = GitLab(("ci:gitlab:url", "https://gitlab.example.org"), ("ci:gitlab:concurrency", "6"));
        var values = Chart(CiRunnersRenderer.Render(config.Valid(Tier.Staging)), GitLabRunners.Release).Values;
        var toml = (string)Path(values, "runners")["config"]!;

        Assert.Equal("https://gitlab.example.org", values["gitlabUrl"]);
        Assert.Equal(6, values["concurrent"]);
        Assert.Equal(GitLabRunners.AuthSecretName, Path(values, "runners")["secret"]);
        Assert.Contains("[runners.kubernetes]", toml, StringComparison.Ordinal);
        Assert.Contains("namespace = \"ci\"", toml, StringComparison.Ordinal);
        Assert.Contains("memory_limit = \"4Gi\"", toml, StringComparison.Ordinal);
        Assert.All(CiRunnersRenderer.Render(config.Valid(Tier.Dev)).Charts, chart => Assert.Equal((Pins.GitLabRunner.Chart, Pins.GitLabRunner.Repository), (chart.Chart, chart.Repository)));
    }

    [Fact]
    public void Only_the_release_runners_job_pods_get_the_push_credentials()
    {
        var config = GitHubApp();
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        string JobTemplate(string name) => (string)Map(rendering.Objects.Single(o => o.Kind == "ConfigMap" && o.Name == name).Body["data"]).Values.Single()!;

        Assert.DoesNotContain("registry-push", JobTemplate(GitHubRunners.JobTemplateConfigMap), StringComparison.Ordinal);
        Assert.DoesNotContain("DOCKER_CONFIG", JobTemplate(GitHubRunners.JobTemplateConfigMap), StringComparison.Ordinal);
        Assert.Contains("DOCKER_CONFIG", JobTemplate(GitHubRunners.ReleaseJobTemplateConfigMap), StringComparison.Ordinal);
        Assert.Contains($"secretName: {RegistryCredentials.PushSecretName}", JobTemplate(GitHubRunners.ReleaseJobTemplateConfigMap), StringComparison.Ordinal);
        // Only release job pods carry the label that lets them reach the API server (BaselineNetworkPolicies).
        Assert.Contains("delivery-platform/runner-set: release", JobTemplate(GitHubRunners.ReleaseJobTemplateConfigMap), StringComparison.Ordinal);
        Assert.DoesNotContain("runner-set", JobTemplate(GitHubRunners.JobTemplateConfigMap), StringComparison.Ordinal);

        var release = Chart(rendering, GitHubRunners.ReleaseScaleSetRelease).Values;
        Assert.Equal("dev-cluster-release", release["runnerScaleSetName"]);
        Assert.Equal((0, CiRunnersRenderer.ReleaseRunners), ((int)release["minRunners"]!, (int)release["maxRunners"]!));
        Assert.Equal(GitHubRunners.ReleaseJobTemplateConfigMap, Path(Map(Delivery.Core.Tests.Cluster.ClusterFixtures.Items(Path(release, "template", "spec")["volumes"]).Single()), "configMap")["name"]);
        Assert.Equal("releasers", release["runnerGroup"]);
        Assert.Equal("deployers", Chart(rendering, GitHubRunners.ScaleSetRelease).Values["runnerGroup"]);
        Assert.Equal(GitHubRunners.JobTemplateConfigMap, Path(Map(Delivery.Core.Tests.Cluster.ClusterFixtures.Items(Path(Chart(rendering, GitHubRunners.ScaleSetRelease).Values, "template", "spec")["volumes"]).Single()), "configMap")["name"]);

        // Where pushes need no credentials (the local Docker registry), there is nothing to scope: one runner set.
        var local = CiRunnersRenderer.Render(Variants().Single(v => v.Name == "github, local docker registry").Config.Valid(Tier.Local));
        Assert.DoesNotContain(local.Charts, c => c.ReleaseName == GitHubRunners.ReleaseScaleSetRelease);
        Assert.DoesNotContain(local.Objects, o => o.Name == GitHubRunners.ReleaseJobTemplateConfigMap);
    }

    /// <summary>
    /// Issue #22, finding 9. gitlab-runner v18.4.0 (common/config.go) has no seccomp key in
    /// pod_security_context; its pod_spec patches apply only with FF_USE_ADVANCED_POD_SPEC_CONFIGURATION
    /// on, and a runner's feature_flags take precedence over a job's variables
    /// (common/build_settings.go populateFeatureFlags), so a job cannot turn the profile off.
    /// services: containers take service_container_security_context, falling back to the global keys.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gitlab_job_pods_get_runtime_default_seccomp_and_hardened_service_containers(bool release)
    {
        var toml = GitLabRunners.ExecutorToml(GitLab().Valid(Tier.Dev), release);
        var runner = Assert.IsType<TomlTable>(Assert.Single(Assert.IsType<TomlTableArray>(TomlSerializer.Deserialize<TomlTable>(toml)!["runners"])));
        var kubernetes = Assert.IsType<TomlTable>(runner["kubernetes"]);

        Assert.True((bool)Assert.IsType<TomlTable>(runner["feature_flags"])["FF_USE_ADVANCED_POD_SPEC_CONFIGURATION"]);
        var spec = Assert.IsType<TomlTable>(Assert.Single(Assert.IsType<TomlTableArray>(kubernetes["pod_spec"])));
        Assert.Equal("strategic", spec["patch_type"]);
        var patch = System.Text.Json.JsonDocument.Parse((string)spec["patch"]).RootElement;
        Assert.Equal("RuntimeDefault", patch.GetProperty("securityContext").GetProperty("seccompProfile").GetProperty("type").GetString());

        var services = Assert.IsType<TomlTable>(kubernetes["service_container_security_context"]);
        Assert.False((bool)services["privileged"]);
        Assert.False((bool)services["allow_privilege_escalation"]);
        var capabilities = Assert.IsType<TomlTable>(services["capabilities"]);
        Assert.Equal(["ALL"], Assert.IsType<TomlArray>(capabilities["drop"]).Cast<string>());
        Assert.Equal(JobPodSecurity.KanikoCapabilities, Assert.IsType<TomlArray>(capabilities["add"]).Cast<string>());
    }

    /// <summary>The executor configs read by a TOML parser (Tomlyn), as the runner reads its config.toml.</summary>
    [Fact]
    public void Only_the_gitlab_release_runners_job_pods_get_the_push_credentials_and_the_release_label()
    {
        var config = GitLab();
        var rendering = CiRunnersRenderer.Render(config.Valid(Tier.Dev));
        TomlTable Kubernetes(string release)
        {
            var toml = (string)Path(Chart(rendering, release).Values, "runners")["config"]!;
            var runner = Assert.IsType<TomlTable>(Assert.Single(Assert.IsType<TomlTableArray>(TomlSerializer.Deserialize<TomlTable>(toml)!["runners"])));
            return Assert.IsType<TomlTable>(runner["kubernetes"]);
        }

        var standard = Kubernetes(GitLabRunners.Release);
        Assert.False(standard.ContainsKey("volumes"));
        Assert.False(standard.ContainsKey("pod_labels"));
        Assert.DoesNotContain("DOCKER_CONFIG", (string)Path(Chart(rendering, GitLabRunners.Release).Values, "runners")["config"]!, StringComparison.Ordinal);

        var release = Kubernetes(GitLabRunners.ReleaseRunnerRelease);
        var labels = Assert.IsType<TomlTable>(release["pod_labels"]);
        Assert.Equal(Delivery.Core.Network.PlatformPods.ReleaseJobs, labels.ToDictionary(l => l.Key, l => (string)l.Value));
        var secret = Assert.IsType<TomlTable>(Assert.Single(Assert.IsType<TomlTableArray>(Assert.IsType<TomlTable>(release["volumes"])["secret"])));
        Assert.Equal((RegistryCredentials.PushSecretName, GitHubRunners.PushConfigDirectory, true), ((string)secret["name"], (string)secret["mount_path"], (bool)secret["read_only"]));
        Assert.Equal("ci", standard["namespace"]);
        Assert.Equal("ci-release", release["namespace"]);

        // Two registrations, two tokens; the release runner runs at most the release jobs' share.
        var values = Chart(rendering, GitLabRunners.ReleaseRunnerRelease).Values;
        Assert.Equal(CiRunnersRenderer.ReleaseRunners, values["concurrent"]);
        Assert.Equal(GitLabRunners.ReleaseAuthSecretName, Path(values, "runners")["secret"]);
        var auth = rendering.Secrets.Single(s => s.Name == GitLabRunners.ReleaseAuthSecretName);
        Assert.Equal(new ConfigSecretSource(config.Ci.Gitlab.ReleaseRunnerToken), auth.Entries.Single(e => e.Key == "runner-token").Source);
        Assert.NotEqual(config.Ci.Gitlab.RunnerToken, config.Ci.Gitlab.ReleaseRunnerToken);

        // The local Docker registry takes pushes without credentials: one runner, nothing to scope.
        var local = CiRunnersRenderer.Render(Loaded(TestConfigs.ValidDev().With(GitLabRunnerSettings).With(
            ("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null)), ("cluster:kubeconfig", null)).Valid(Tier.Local));
        Assert.Equal([GitLabRunners.Release], local.Charts.Select(c => c.ReleaseName));
        Assert.Equal([GitLabRunners.AuthSecretName], local.Secrets.Select(s => s.Name));
    }

    [Fact]
    public void Job_resources_grow_with_the_tier_and_reach_job_pods_of_both_runners()
    {
        Assert.Equal(["1Gi", "2Gi", "4Gi", "4Gi"], AllTiers.Select(t => (string)Path(RunnerResources.Job(TierProfile.For(t)), "limits")["memory"]!));
        foreach (var tier in AllTiers)
        {
            var jobs = EmbeddedDocuments(CiRunnersRenderer.Render(GitHubApp().Valid(tier))).SelectMany(Maps).Where(m => m.GetValueOrDefault("name") as string == "$job").ToList();
            Assert.Equal(2, jobs.Count); // the default and the release runners' job templates
            Assert.All(jobs, job => Assert.Equal(YamlWriter.Write(RunnerResources.Job(TierProfile.For(tier))), YamlWriter.Write(job["resources"]!)));
            foreach (var release in new[] { false, true })
                Assert.Contains($"memory_limit = \"{Path(RunnerResources.Job(TierProfile.For(tier)), "limits")["memory"]}\"", GitLabRunners.ExecutorToml(GitLab().Valid(tier), release), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev", CiConfig.GitHub, new[] { "github_app_id", "github_app_installation_id", "github_app_private_key" })]
    [InlineData("staging", CiConfig.GitHub, new[] { "github_token" })]
    [InlineData("prod", CiConfig.None, new string[0])]
    [InlineData("local", CiConfig.None, new string[0])]
    public void The_committed_stacks_render_valid_runners(string stack, string mode, string[] authKeys)
    {
        var loaded = Committed(stack);
        var rendering = CiRunnersRenderer.Render(loaded.Valid());

        Assert.Equal(mode, loaded.Config.Ci.Mode);
        // One credential per scale set: the default one's and the release one's, alike in kind.
        Assert.Equal([.. authKeys, .. authKeys], rendering.Secrets.SelectMany(s => s.Entries).Select(e => e.Key));
        // Each scale set with its own controller: the default ones and the release ones (both stacks push images).
        Assert.Equal(mode == CiConfig.None ? 0 : 4, rendering.Charts.Count);
        if (rendering.Objects.Count > 0)
        {
            SchemaCheck.AssertValid(rendering.Objects);
            YamlLint.AssertClean(YamlWriter.WriteAll(rendering.Objects));
        }
    }

    /// <summary>A chart by its release name, or by its chart name where only one release uses it.</summary>
    private static HelmChartSpec Chart(ComponentRendering rendering, string chart) =>
        rendering.Charts.SingleOrDefault(c => c.ReleaseName == chart)
        ?? Assert.Single(rendering.Charts, c => c.Chart == chart || c.Chart == $"{Pins.GitHubActionsRunners.Repository}/{chart}");

    /// <summary>The YAML documents the runners embed in ConfigMaps (the job templates), as trees.</summary>
    private static IEnumerable<OrderedDictionary<string, object?>> EmbeddedDocuments(ComponentRendering rendering) =>
        rendering.Objects.Where(o => o.Kind == "ConfigMap").SelectMany(o => Map(o.Body["data"]).Values.Cast<string>()).Select(EmbeddedYaml.Parse);

    private static IEnumerable<string> TomlSecretNames(ComponentRendering rendering) =>
        TomlValues(rendering, @"\[\[runners\.kubernetes\.volumes\.secret\]\]\s*\n\s*name = ""([^""]+)""");

    private static IEnumerable<string> TomlServiceAccounts(ComponentRendering rendering) => TomlValues(rendering, @"service_account = ""([^""]+)""");

    private static IEnumerable<string> TomlValues(ComponentRendering rendering, string pattern) =>
        rendering.Charts.Select(c => (c.Values.GetValueOrDefault("runners") as OrderedDictionary<string, object?>)?.GetValueOrDefault("config") as string)
            .OfType<string>()
            .SelectMany(toml => Regex.Matches(toml, pattern).Select(m => m.Groups[1].Value));

    [GeneratedRegex(@"privileged[""']?\s*[:=]\s*[""']?true|allow_privilege_escalation\s*=\s*true")]
    private static partial Regex PrivilegedInText();
}
