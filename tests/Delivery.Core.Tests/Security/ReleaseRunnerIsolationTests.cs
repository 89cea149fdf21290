using System.Text.RegularExpressions;
using Delivery.Core.Ci;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Platform;
using Delivery.Core.Registry;
using Delivery.Core.Tests.Charts;
using Delivery.Core.Tests.Ci;
using static Delivery.Core.Tests.Security.RbacAuthorizer;

namespace Delivery.Core.Tests.Security;

/// <summary>
/// Issue #22, finding 4: the default (pull request) runners and the release runners shared the ci
/// namespace, whose runner Role reads Secrets and execs into pods, so the push credential, the
/// release runners' GitHub credential and live release jobs were one <c>kubectl exec</c> away from
/// a pull request's job. Judged with the RBAC authorizer over everything a stack renders (and the
/// grants the charts' facts record), for every runner variant that has release runners.
/// </summary>
public sealed partial class ReleaseRunnerIsolationTests
{
    public static TheoryData<string> ReleaseVariants() =>
        [.. CiFixtures.Variants().Where(variant => CiRunnersRenderer.HasReleaseRunners(variant.Config)).Select(variant => variant.Name)];

    /// <summary>A variant's config, its whole platform rendering, and the authorizer over the rendered RBAC and the charts' recorded grants.</summary>
    private static (DeliveryConfig Config, PlatformRendering Rendering, RbacAuthorizer Authorizer) Rendered(string variant)
    {
        var config = CiFixtures.Variants().Single(v => v.Name == variant).Config;
        var rendering = PlatformRenderer.Render(config.Valid(Tier.Dev));
        return (config, rendering, new RbacAuthorizer(rendering.Objects.Concat(ChartRbac.Objects(rendering.Charts))));
    }

    /// <summary>The identities a pull request's job can act as or take over: the default runner (ARC) or manager (GitLab), and the job pods'.</summary>
    private static IReadOnlyList<ServiceAccount> DefaultRunnerAccounts(DeliveryConfig config) =>
        config.Ci.Mode == CiConfig.GitHub
            ? [new(PlatformNamespaces.Ci, GitHubRunners.RunnerServiceAccount), new(PlatformNamespaces.Ci, CiRunnersRenderer.JobServiceAccount)]
            : [new(PlatformNamespaces.CiControl, GitLabRunners.ServiceAccount), new(PlatformNamespaces.Ci, CiRunnersRenderer.JobServiceAccount)];

    private static ServiceAccount ReleaseRunnerAccount(DeliveryConfig config) =>
        config.Ci.Mode == CiConfig.GitHub
            ? new(PlatformNamespaces.CiRelease, GitHubRunners.ReleaseRunnerServiceAccount)
            : new(PlatformNamespaces.CiControl, GitLabRunners.ReleaseServiceAccount);

    /// <summary>The Secrets only the release runners use, wherever they are rendered: the push credential and the release runners' own CI credential.</summary>
    private static IReadOnlyList<SecretSpec> ReleaseSecrets(DeliveryConfig config, PlatformRendering rendering)
    {
        var names = new[] { RegistryCredentials.PushSecretName, config.Ci.Mode == CiConfig.GitHub ? GitHubRunners.ReleaseAuthSecretName : GitLabRunners.ReleaseAuthSecretName };
        return [.. rendering.Components.SelectMany(c => c.Secrets).Where(s => names.Contains(s.Name))];
    }

    /// <summary>Where the release runners' job pods run, as the runners are told: the release job template's namespace (ARC) or the release executor's (GitLab).</summary>
    private static string ReleaseJobNamespace(DeliveryConfig config, PlatformRendering rendering)
    {
        if (config.Ci.Mode == CiConfig.GitHub)
            return rendering.Objects.Single(o => o.Kind == "ConfigMap" && o.Name == GitHubRunners.ReleaseJobTemplateConfigMap).Namespace!;
        var values = rendering.Charts.Single(c => c.ReleaseName == GitLabRunners.ReleaseRunnerRelease).Values;
        var toml = (string)((OrderedDictionary<string, object?>)values["runners"]!)["config"]!;
        return ExecutorNamespace().Match(toml).Groups[1].Value;
    }

    [Theory]
    [MemberData(nameof(ReleaseVariants))]
    public void No_secret_the_release_runners_use_is_readable_by_a_default_runner(string variant)
    {
        var (config, rendering, authorizer) = Rendered(variant);
        var secrets = ReleaseSecrets(config, rendering);

        // The push credential exists only where build runners make images to publish.
        Assert.Equal(config.Ci.BuildRunners ? 2 : 1, secrets.Count);
        foreach (var secret in secrets)
        {
            foreach (var account in DefaultRunnerAccounts(config))
            {
                foreach (var verb in new[] { "get", "list", "watch", "update", "delete" })
                    Assert.False(authorizer.Can(account, verb, "", "secrets", secret.Namespace, secret.Name), $"{account} {verb} {secret.Namespace}/{secret.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ReleaseVariants))]
    public void The_default_runners_role_has_no_binding_where_release_jobs_run(string variant)
    {
        var (config, rendering, authorizer) = Rendered(variant);
        var releaseJobs = ReleaseJobNamespace(config, rendering);
        var defaults = DefaultRunnerAccounts(config);

        var bindings = rendering.Objects.Where(o => o.Kind == "RoleBinding" && o.Namespace == releaseJobs)
            .SelectMany(o => ((List<object?>)o.Body["subjects"]!).Cast<OrderedDictionary<string, object?>>())
            .Select(subject => new ServiceAccount((string)subject["namespace"]!, (string)subject["name"]!));
        Assert.DoesNotContain(bindings, defaults.Contains);
        foreach (var account in defaults)
        {
            foreach (var (verb, resource) in new[] { ("create", "pods/exec"), ("create", "pods/attach"), ("get", "pods"), ("create", "pods"), ("delete", "pods"), ("get", "pods/log") })
                Assert.False(authorizer.Can(account, verb, "", resource, releaseJobs), $"{account} {verb} {resource} in {releaseJobs}");
        }
    }

    [Theory]
    [MemberData(nameof(ReleaseVariants))]
    public void Still_works_the_release_runner_runs_its_jobs_and_reaches_nothing_of_the_default_runners(string variant)
    {
        var (config, rendering, authorizer) = Rendered(variant);
        var release = ReleaseRunnerAccount(config);
        var releaseJobs = ReleaseJobNamespace(config, rendering);

        Assert.Equal(PlatformNamespaces.CiRelease, releaseJobs);
        Assert.True(authorizer.Can(release, "create", "", "pods", releaseJobs));
        Assert.True(authorizer.Can(release, "create", "", config.Ci.Mode == CiConfig.GitHub ? "pods/exec" : "pods/attach", releaseJobs));
        Assert.False(authorizer.Can(release, "get", "", "secrets", PlatformNamespaces.Ci));
        Assert.False(authorizer.Can(release, "create", "", "pods", PlatformNamespaces.Ci));
        // The release job pods run as a token-less account of their own namespace.
        Assert.Contains(rendering.Objects, o => o is { Kind: "ServiceAccount", Name: CiRunnersRenderer.JobServiceAccount, Namespace: PlatformNamespaces.CiRelease });
    }

    [GeneratedRegex(@"\[runners\.kubernetes\]\s*\n\s*namespace = ""([^""]+)""")]
    private static partial Regex ExecutorNamespace();
}
