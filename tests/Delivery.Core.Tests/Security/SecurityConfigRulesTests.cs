namespace Delivery.Core.Tests.Security;

/// <summary>
/// The config rules that keep least privilege from being configured away (issue #14): each row
/// breaks one of an otherwise valid dev config and names the exact key and message.
/// </summary>
public sealed class SecurityConfigRulesTests
{
    public sealed record Case(string Name, (string Key, string? Value)[] Changes, string Key, string Message, Dictionary<string, string>? Secrets = null)
    {
        public override string ToString() => Name;
    }

    private const string P = "delivery-platform:";

    private static Dictionary<string, string> With(params (string Key, string Value)[] secrets)
    {
        var all = TestConfigs.Secrets();
        foreach (var (key, value) in secrets)
            all[key] = value;
        return all;
    }

    private static readonly (string, string?)[] ProdStack =
    [
        ("environment", "prod"), ("upstream", "staging"), ("apps:api:replicas", "3"), ("apps:web:replicas", "2"),
        ("apps:api:blue", "1.4.2@sha256:" + new string('a', 64)), ("apps:api:green", "1.5.0@sha256:" + new string('b', 64)),
        ("apps:web:blue", "2.3.1@sha256:" + new string('c', 64)),
    ];

    private static readonly (string, string?)[] OrgRunners =
        [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:maxRunners", "2")];

    public static TheoryData<Case> Cases() =>
    [
        new("egress to everywhere", [("apps:api:egress:0", "0.0.0.0/0:443")], P + "apps.api.egress[0]",
            "allows the whole address space, including the nodes, the API server and the cloud metadata service (169.254.169.254)."),
        new("egress to every IPv6 address", [("apps:api:egress:0", "::/0:443")], P + "apps.api.egress[0]",
            "allows the whole address space, including the nodes, the API server and the cloud metadata service (169.254.169.254)."),
        // Issue #22, finding 9: only the literal /0 was refused.
        new("egress to half the address space", [("apps:api:egress:0", "0.0.0.0/1:443")], P + "apps.api.egress[0]",
            "is a /1, wider than a /8 (IPv4) or /32 (IPv6): no network an app calls is that large, and it takes in the nodes, the API server and other tenants' hosts."),
        new("egress to a wide IPv6 prefix", [("apps:api:egress:0", "2000::/3:443")], P + "apps.api.egress[0]",
            "is a /3, wider than a /8 (IPv4) or /32 (IPv6): no network an app calls is that large, and it takes in the nodes, the API server and other tenants' hosts."),
        new("egress to the metadata service", [("apps:api:egress:0", "169.254.169.254/32:80")], P + "apps.api.egress[0]",
            "reaches 169.254.0.0/16 (link-local, where AWS, GCP, Azure and Oracle serve instance metadata and credentials), which no app may call."),
        new("egress to AWS's IPv6 metadata service", [("apps:api:egress:0", "fd00:ec2::/32:80")], P + "apps.api.egress[0]",
            "reaches fd00:ec2::254/128 (AWS's IPv6 instance metadata service), which no app may call."),
        new("egress to the IPv6 link-local range", [("apps:api:egress:0", "fe80::/64:443")], P + "apps.api.egress[0]",
            "reaches fe80::/10 (IPv6 link-local), which no app may call."),
        new("egress into the cluster's own network", [("cluster:networks:0", "10.0.0.0/16"), ("apps:api:egress:0", "10.0.0.0/8:6443")], P + "apps.api.egress[0]",
            "reaches into the cluster's own network 10.0.0.0/16 (cluster.networks): nodes, the API server and pods are never an app's egress destination."),
        new("cluster network not a CIDR", [("cluster:networks:0", "10.0.0.1/16")], P + "cluster.networks[0]",
            "must be one of the cluster's own address ranges (nodes, pods, Services) as CIDR with its network address (10.42.0.0/16)."),
        new("api server endpoint without a port", [("cluster:apiServerEndpoints:0", "10.0.0.10/32")], P + "cluster.apiServerEndpoints[0]",
            "must be an API server endpoint as CIDR:port (10.0.0.10/32:6443), one of the addresses kubectl get endpointslices -l kubernetes.io/service-name=kubernetes lists."),
        new("release scale set without credentials of its own", [.. OrgRunners, ("ci:github:runnerGroup", "builders"), ("ci:github:releaseRunnerGroup", "releasers")], P + "ci.github.release.token",
            "token is required for the release scale set to register with GitHub: one GitHub App or token per scale set, so the default runners' credential cannot register release runners (or set the release App keys), and is not set.",
            With(("ci:github:token", "t"))),
        new("release scale set with the default runners' token", [.. OrgRunners, ("ci:github:runnerGroup", "builders"), ("ci:github:releaseRunnerGroup", "releasers")], P + "ci.github.release.token",
            "is the default runners' credential too: one GitHub App or token per scale set, so the default runners' credential cannot register release runners.",
            With(("ci:github:token", "t"), ("ci:github:release:token", "t"))),
        new("release scale set in the default runners' App installation", [.. OrgRunners, ("ci:github:runnerGroup", "builders"), ("ci:github:releaseRunnerGroup", "releasers"),
                ("ci:github:appId", "1"), ("ci:github:appInstallationId", "2"), ("ci:github:release:appId", "1"), ("ci:github:release:appInstallationId", "2")], P + "ci.github.release.appInstallationId",
            "is the default runners' credential too: one GitHub App or token per scale set, so the default runners' credential cannot register release runners.",
            With(("ci:github:appPrivateKey", "k"), ("ci:github:release:appPrivateKey", "r"))),
        new("org-wide runners without a runner group", OrgRunners, P + "ci.github.runnerGroup",
            "the runners register org-wide (https://github.com/acme), so every repository of the organization could run jobs on them, with the registry push credentials they mount.",
            With(("ci:github:token", "t"))),
        new("org-wide release runners without a group of their own", [.. OrgRunners, ("ci:github:runnerGroup", "builders")], P + "ci.github.releaseRunnerGroup",
            "the release runners mount the registry push credentials and may reach the API server, so they need a runner group of their own, narrower than the one every job may use.",
            With(("ci:github:token", "t"))),
        new("org-wide release runners in the default runners' group", [.. OrgRunners, ("ci:github:runnerGroup", "builders"), ("ci:github:releaseRunnerGroup", "builders")], P + "ci.github.releaseRunnerGroup",
            "the release runners mount the registry push credentials and may reach the API server, so they need a runner group of their own, narrower than the one every job may use.",
            With(("ci:github:token", "t"))),
        new("enterprise-wide runners without a runner group", [.. OrgRunners, ("ci:github:configUrl", "https://github.com/enterprises/acme")], P + "ci.github.runnerGroup",
            "the runners register org-wide (https://github.com/enterprises/acme), so every repository of the organization could run jobs on them, with the registry push credentials they mount.",
            With(("ci:github:token", "t"))),
        new("release runners on one repository", [.. OrgRunners, ("ci:github:configUrl", "https://github.com/acme/shop")], P + "ci.github.configUrl",
            "registers the runners on one repository, where runner groups do not apply: any workflow of it, a pull request's included, could claim the release runners (runs-on: delivery-platform-release) with their push credentials and API access.",
            With(("ci:github:token", "t"))),
        new("plain-text token in the inactive github section", [("ci:github:token", "ghp_plain")], P + "ci.github.token",
            "is a secret but is given in plain text, so it would be stored unencrypted in the stack file."),
        new("plain-text key in the inactive github section", [("ci:github:appPrivateKey", "-----BEGIN")], P + "ci.github.appPrivateKey",
            "is a secret but is given in plain text, so it would be stored unencrypted in the stack file."),
        new("plain-text token in the inactive gitlab section", [("ci:gitlab:runnerToken", "glrt-plain")], P + "ci.gitlab.runnerToken",
            "is a secret but is given in plain text, so it would be stored unencrypted in the stack file."),
        new("prod version without digest", [.. ProdStack, ("apps:api:green", "1.5.0")], P + "apps.api.green",
            "has no digest: in dev (prod) a version must name the exact image, since a tag can be pushed again.",
            With(("monitoring:receivers:critical:webhookUrl", "https://pager.example.com/hook"))),
        new("staging version without digest", [("environment", "staging"), ("upstream", "dev"), ("apps:api:blue", "1.4.2@sha256:" + new string('a', 64)), ("apps:api:green", "1.5.0@sha256:" + new string('b', 64))],
            P + "apps.web.blue", "has no digest: in dev (staging) a version must name the exact image, since a tag can be pushed again."),
        new("in-cluster pull user is the push user", [("registry:username", "ci"), ("registry:pullUsername", "ci")], P + "registry.pullUsername",
            "is the push user too; the cluster's pull credential must not be the one CI pushes with."),
        new("external pull user is the push user", [("registry:mode", "external"), ("registry:host", null), ("registry:url", "ghcr.io/acme"), .. OrgRunners,
                ("ci:github:runnerGroup", "deployers"), ("registry:username", "bot"), ("registry:pullUsername", "bot")], P + "registry.pullUsername",
            "is the push user too; the cluster's pull credential must be a separate, read-only one.",
            With(("registry:password", "p"), ("registry:pullPassword", "r"), ("ci:github:token", "t"))),
        new("push token without runners", [("registry:mode", "external"), ("registry:host", null), ("registry:url", "ghcr.io/acme"), ("registry:pullUsername", "reader")],
            P + "registry.password", "is set but not used (it is the push token, and ci.mode is none).",
            With(("registry:password", "p"), ("registry:pullPassword", "r"))),
        new("grafana allowlist entry not a network", [("monitoring:grafanaAllowedCidrs:0", "10.0.0.1/8")], P + "monitoring.grafanaAllowedCidrs[0]",
            "must be a client network as CIDR with its network address (203.0.113.0/24)."),
        new("grafana single sign-on over http", [("monitoring:grafanaOidc:issuer", "http://sso.example.com"), ("monitoring:grafanaOidc:clientId", "grafana")],
            P + "monitoring.grafanaOidc.issuer", "must be the https issuer URL of the OpenID Connect provider.", With(("monitoring:grafanaOidc:clientSecret", "s"))),
        new("grafana single sign-on without client id", [("monitoring:grafanaOidc:issuer", "https://sso.example.com")],
            P + "monitoring.grafanaOidc.clientId", "single sign-on needs the client id registered with the provider.", With(("monitoring:grafanaOidc:clientSecret", "s"))),
        new("gitlab without a release runner", GitLabRunners, P + "ci.gitlab.releaseRunnerToken",
            "release runner authentication token is required for the release jobs (pulumi up, image pushes) on a protected runner of their own, which alone gets the push credentials and API access, and is not set.",
            With(("ci:gitlab:runnerToken", "glrt-default"))),
        new("gitlab release runner with the default runner's token", GitLabRunners, P + "ci.gitlab.releaseRunnerToken",
            "is the default runner's token too: both managers would take every job of that one runner, so any pipeline's jobs could get the push credentials.",
            With(("ci:gitlab:runnerToken", "glrt-same"), ("ci:gitlab:releaseRunnerToken", "glrt-same"))),
        new("plain-text release token in the inactive gitlab section", [("ci:gitlab:releaseRunnerToken", "glrt-plain")], P + "ci.gitlab.releaseRunnerToken",
            "is a secret but is given in plain text, so it would be stored unencrypted in the stack file."),
        new("release runner token beside the local Docker registry",
            [.. GitLabRunners, ("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null)], P + "ci.gitlab.releaseRunnerToken",
            "is set but not used (there are no release runners beside the local Docker registry).",
            new() { ["ci:gitlab:runnerToken"] = "glrt-default", ["ci:gitlab:releaseRunnerToken"] = "glrt-release" }),
        // Release runners only (prod's default): nothing is built there, so no default-runner or push credential is kept.
        new("a default runner token where the cluster hosts release runners only", [.. GitLabRunners, ("ci:buildRunners", "false")], P + "ci.gitlab.runnerToken",
            "is set but not used (ci.buildRunners is off: this cluster hosts the release runners only, which register with the release credential).",
            With(("ci:gitlab:runnerToken", "glrt-default"), ("ci:gitlab:releaseRunnerToken", "glrt-release"))),
        new("a default github token where the cluster hosts release runners only", [.. OrgRunners, ("ci:buildRunners", "false"), ("ci:github:releaseRunnerGroup", "releasers")], P + "ci.github.token",
            "is set but not used (ci.buildRunners is off: this cluster hosts the release runners only, which register with the release credential).",
            With(("ci:github:token", "t-default"), ("ci:github:release:token", "t-release"))),
        new("a push token where the cluster hosts release runners only",
            [.. GitLabRunners, ("ci:buildRunners", "false"), ("registry:mode", "external"), ("registry:host", null), ("registry:url", "ghcr.io/acme"), ("registry:username", "bot"), ("registry:pullUsername", "reader")],
            P + "registry.password", "is set but not used (it is the push token, and ci.buildRunners is off: this cluster's release runners publish nothing).",
            With(("registry:password", "p"), ("registry:pullPassword", "r"), ("ci:gitlab:releaseRunnerToken", "glrt-release"))),
        new("release runners only beside the local Docker registry, so no runner at all",
            [.. GitLabRunners, ("ci:buildRunners", "false"), ("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null)], P + "ci.buildRunners",
            "leaves ci.mode gitlab without any runner: there are no release runners beside the local Docker registry, and this turns the build runners off.",
            new()),
    ];

    private static readonly (string, string?)[] GitLabRunners = [("ci:mode", "gitlab"), ("ci:gitlab:url", "https://gitlab.example.com")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_is_reported_with_its_exact_key_and_message(Case row)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(row.Changes), row.Secrets ?? TestConfigs.Secrets());

        Assert.Contains(loaded.Errors, p => p.Key == row.Key && p.Message == row.Message);
    }

    [Fact]
    public void A_pinned_version_passes_in_prod_repository_scoped_runners_pass_locally_and_two_gitlab_runners_pass()
    {
        var prod = TestConfigs.Load(TestConfigs.ValidDev().With(ProdStack),
            With(("monitoring:receivers:critical:webhookUrl", "https://pager.example.com/hook")));
        // Locally the registry takes pushes without credentials: no release runners, nothing to claim.
        var repositoryRunners = TestConfigs.Load(TestConfigs.ValidDev().With(
            [.. OrgRunners, ("ci:github:configUrl", "https://github.com/acme/shop"), ("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:host", null)]),
            new Dictionary<string, string> { ["ci:github:token"] = "t" });

        var gitlab = TestConfigs.Load(TestConfigs.ValidDev().With(GitLabRunners), With(("ci:gitlab:runnerToken", "glrt-default"), ("ci:gitlab:releaseRunnerToken", "glrt-release")));

        Assert.Empty(prod.Errors);
        Assert.Empty(repositoryRunners.Errors);
        Assert.Empty(gitlab.Errors);
    }
}
