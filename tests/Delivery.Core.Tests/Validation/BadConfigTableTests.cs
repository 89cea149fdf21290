namespace Delivery.Core.Tests.Validation;

/// <summary>
/// Each row breaks one rule of an otherwise valid dev config and names the exact key and message
/// a user must see. A row whose rule stopped firing, or whose key or wording drifted, fails.
/// </summary>
public sealed class BadConfigTableTests
{
    public sealed record Case(string Name, (string Key, string? Value)[] Changes, string Key, string Message, Dictionary<string, string>? Secrets = null)
    {
        public override string ToString() => Name;
    }

    private const string P = "delivery-platform:";

    private static readonly Dictionary<string, string> ProdSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cluster:kubeconfig"] = "kubeconfig",
        ["monitoring:receivers:critical:webhookUrl"] = "https://pager.example.com/hook",
    };

    public static TheoryData<Case> Cases() =>
    [
        new("unknown tier", [("environment", "prd")], P + "environment", "is not a known tier; the tiers are local, dev, staging, prod."),
        new("missing tier", [("environment", null)], P + "environment", "is required: it picks the tier's defaults and rules."),
        new("misspelt key", [("apps:api:helthPath", "/h")], P + "apps.api.helthPath", "unknown key (from test)."),
        new("misspelt top-level key", [("registy:mode", "docker")], P + "registy", "unknown key (from test)."),
        new("number expected", [("apps:api:replicas", "three")], P + "apps.api.replicas", "must be a whole number (from test)."),
        new("whole number past an int", [("apps:api:replicas", "99999999999")], P + "apps.api.replicas", "must be a whole number between -2147483648 and 2147483647 (from test)."),
        new("single value where a map is expected", [("monitoring:receivers", "pager")], P + "monitoring.receivers", "expects a map of keys, but test gives a single value."),
        new("list given a key", [("apps:api:callers:first", "web")], P + "apps.api.callers.first", "delivery-platform:apps.api.callers is a list, so it has no key \"first\" (from test)."),
        new("app name not DNS-1035", [("apps:2fast:image", "shop/fast"), ("apps:2fast:blue", "1.0.0"), ("apps:2fast:live", "blue")], P + "apps.2fast",
            "an app name must be a DNS-1035 label of at most 57 characters (lower case letters, digits and '-', starting with a letter), since it names Services and Deployments such as <name>-green."),
        new("app name too long", [("apps:" + new string('a', 58) + ":image", "shop/long"), ("apps:" + new string('a', 58) + ":blue", "1.0.0"), ("apps:" + new string('a', 58) + ":live", "blue")],
            P + "apps." + new string('a', 58),
            "an app name must be a DNS-1035 label of at most 57 characters (lower case letters, digits and '-', starting with a letter), since it names Services and Deployments such as <name>-green."),
        new("live slot without version", [("apps:web:live", "green")], P + "apps.web.live", "the live slot green has no version, so the app would serve nothing."),
        new("live slot not a slot", [("apps:web:live", "purple")], P + "apps.web.live", "must be blue or green: the slot that takes traffic."),
        new("latest outside local", [("apps:api:blue", "latest")], P + "apps.api.blue",
            "is a moving tag: what runs could change with no config change, and a rollback could not bring the old image back."),
        new("branch tag outside local", [("apps:api:blue", "main")], P + "apps.api.blue",
            "is a moving tag: what runs could change with no config change, and a rollback could not bring the old image back."),
        new("not semver", [("apps:api:blue", "1.2")], P + "apps.api.blue",
            "is not a semantic version (1.4.2, or 1.4.2-3f9c2ab with the git sha), one pinned to its digest (1.4.2@sha256:<64 hex digits>; staging and prod require it) or a digest (sha256:<64 hex digits>)."),
        new("semver with v prefix", [("apps:api:blue", "v1.2.3")], P + "apps.api.blue",
            "is not a semantic version (1.4.2, or 1.4.2-3f9c2ab with the git sha), one pinned to its digest (1.4.2@sha256:<64 hex digits>; staging and prod require it) or a digest (sha256:<64 hex digits>)."),
        new("semver build metadata", [("apps:api:blue", "1.2.3+4e1f2a9")], P + "apps.api.blue", "has semver build metadata ('+…'), which an image tag cannot carry."),
        new("short digest", [("apps:api:blue", "sha256:abc123")], P + "apps.api.blue",
            "is not a semantic version (1.4.2, or 1.4.2-3f9c2ab with the git sha), one pinned to its digest (1.4.2@sha256:<64 hex digits>; staging and prod require it) or a digest (sha256:<64 hex digits>)."),
        new("root app user", [("apps:api:runAsUser", "0")], P + "apps.api.runAsUser", "must be at least 10000: lower ids are root or the system users of hosts and images."),
        new("image with tag", [("apps:api:image", "shop/api:1.5.0")], P + "apps.api.image", "names a tag or digest; versions belong in the blue and green slots."),
        new("image not a repository", [("apps:api:image", "Shop/API")], P + "apps.api.image",
            "must be the image repository inside the registry, e.g. team/api (lower case, no registry host, no tag)."),
        new("zero replicas", [("apps:api:replicas", "0")], P + "apps.api.replicas", "must be at least 1."),
        new("one replica in prod", [("environment", "prod"), ("apps:api:replicas", "1")], P + "apps.api.replicas",
            "must be at least 2 in prod, so that one pod can fail or be evicted without an outage.", ProdSecrets),
        new("idle replicas above replicas", [("apps:api:idleReplicas", "5")], P + "apps.api.idleReplicas", "must be between 0 and replicas (1)."),
        new("metrics port is the traffic port", [("apps:api:metricsPort", "8080")], P + "apps.api.metricsPort",
            "is the traffic port too; a metrics port of its own must differ, or be left out to serve metrics on port."),
        new("privileged metrics port", [("apps:api:metricsPort", "910")], P + "apps.api.metricsPort",
            "is not a usable port for the app's metrics: it must be 1024–65535 (lower ports need root)."),
        new("privileged port", [("apps:api:port", "80")], P + "apps.api.port", "is not a usable port for the app's container: it must be 1024–65535 (lower ports need root)."),
        new("port out of range", [("apps:api:port", "70000")], P + "apps.api.port", "is not a usable port for the app's container: it must be 1024–65535 (lower ports need root)."),
        new("canary over 100", [("apps:api:canaryWeight", "150")], P + "apps.api.canaryWeight", "is the percent of traffic for the idle slot and must be 0–100."),
        new("canary without idle version", [("apps:api:blue", null), ("apps:api:canaryWeight", "10")], P + "apps.api.canaryWeight",
            "a canary sends traffic to the idle slot (blue), which has no version."),
        new("canary without host", [("apps:api:host", null), ("apps:api:canaryWeight", "10")], P + "apps.api.canaryWeight",
            "a canary splits traffic on the app's HTTPRoute, and the app has no host."),
        new("canary into a scaled-down slot", [("apps:api:idleReplicas", "0"), ("apps:api:canaryWeight", "10")], P + "apps.api.canaryWeight",
            "a canary sends traffic to the idle slot, which is scaled to 0 replicas."),
        new("host in upper case", [("apps:api:host", "API.example.com")], P + "apps.api.host",
            "must be a fully qualified DNS host name in lower case (no scheme, port or path)."),
        new("host with scheme", [("apps:api:host", "https://api.example.com")], P + "apps.api.host",
            "must be a fully qualified DNS host name in lower case (no scheme, port or path)."),
        new("app named like another app's slot", [("apps:api-blue:image", "shop/api-blue"), ("apps:api-blue:blue", "1.0.0"), ("apps:api-blue:live", "blue")], P + "apps.api-blue",
            "is the name of the Service and Deployment of app api's blue slot (api-blue); two objects of one kind cannot share a name."),
        new("two apps on one host", [("apps:web:host", "api.example.com")], P + "apps.web.host",
            "is also the host of delivery-platform:apps.api.host; one host name can route to only one of them."),
        new("app on grafana's host", [("monitoring:grafanaHost", "api.example.com")], P + "apps.api.host",
            "is also the host of delivery-platform:monitoring.grafanaHost; one host name can route to only one of them."),
        new("app on the registry's host", [("apps:web:host", "registry.dev.example.com")], P + "apps.web.host",
            "is also the host of delivery-platform:registry.host; one host name can route to only one of them."),
        new("host that is an IP address", [("apps:api:host", "10.1.2.3")], P + "apps.api.host",
            "is an IP address; a route's hostname must be a DNS name (Gateway API does not match IP addresses)."),
        new("grafana host that is an IP address", [("monitoring:grafanaHost", "192.168.1.10")], P + "monitoring.grafanaHost",
            "is an IP address; a route's hostname must be a DNS name (Gateway API does not match IP addresses)."),
        new("version longer than an image tag", [("apps:api:blue", "1.0.0-" + new string('a', 123))], P + "apps.api.blue",
            "is 129 characters long; an image tag has at most 128."),
        new("misspelt live slot", [("apps:web:live", "bleu")], P + "apps.web.live", "must be blue or green: the slot that takes traffic."),
        new("health path without slash", [("apps:api:healthPath", "healthz")], P + "apps.api.healthPath", "must be an HTTP path starting with '/'."),
        new("caller not an app", [("apps:api:callers:0", "wbe")], P + "apps.api.callers[0]", "is not an app of this stack."),
        new("caller is itself", [("apps:api:callers:0", "api")], P + "apps.api.callers[0]", "an app always reaches itself; list only other apps."),
        new("bad env var name", [("apps:api:env:1BAD", "x")], P + "apps.api.env.1BAD", "is not a valid environment variable name."),
        new("request above limit", [("apps:api:resources:cpuRequest", "2")], P + "apps.api.resources.cpuRequest", "is above its limit (500m); Kubernetes rejects such a pod."),
        new("not a quantity", [("apps:api:resources:memoryLimit", "lots")], P + "apps.api.resources.memoryLimit", "is not a Kubernetes quantity."),
        new("quantity of 32 digits", [("apps:api:resources:cpuLimit", "12345678901234567890123456789012")], P + "apps.api.resources.cpuLimit", "is not a Kubernetes quantity."),
        new("quantity that overflows with its suffix", [("apps:api:resources:memoryLimit", "79228162514264337593543950335Ei")], P + "apps.api.resources.memoryLimit", "is not a Kubernetes quantity."),
        new("storage quantity of 40 digits", [("monitoring:storageSize", new string('9', 40) + "Gi")], P + "monitoring.storageSize", "is not a storage size."),
        new("number that is not a number", [("monitoring:slo:errorRateTarget", "NaN")], P + "monitoring.slo.errorRateTarget", "must be a number (from test)."),
        new("number beyond a double", [("apps:api:slo:errorRateTarget", "1e999")], P + "apps.api.slo.errorRateTarget", "must be a number (from test)."),
        new("autoscaling below replicas", [("apps:api:replicas", "3"), ("apps:api:autoscaling:maxReplicas", "2")], P + "apps.api.autoscaling.maxReplicas",
            "must be 0 (no autoscaling) or at least replicas (3)."),
        new("error rate target not a ratio", [("monitoring:slo:errorRateTarget", "5")], P + "monitoring.slo.errorRateTarget",
            "is the allowed ratio of failed requests and must be between 0 and 1 (0.001 means 99.9% succeed)."),
        new("unknown cluster mode", [("cluster:mode", "k3d")], P + "cluster.mode", "is not a known mode; the modes are k3s-docker, existing."),
        new("k3s outside local", [("cluster:mode", "k3s-docker"), ("registry:mode", "docker")], P + "cluster.mode",
            "a k3s cluster in a local Docker container is meant for the local tier, not dev.", []),
        new("docker registry on an existing cluster", [("registry:mode", "docker")], P + "registry.mode",
            "a registry in a local Docker container can only be reached by a k3s-docker cluster on the same Docker network."),
        new("in-cluster registry without host", [("registry:host", null)], P + "registry.host",
            "an in-cluster registry needs the host name nodes and runners reach it on (through the cluster Gateway)."),
        new("external registry URL with scheme", [("registry:mode", "external"), ("registry:url", "https://ghcr.io/acme"), ("registry:username", "bot")], P + "registry.url",
            "must be a registry address without scheme: host[:port][/path], e.g. ghcr.io/acme.",
            new() { ["cluster:kubeconfig"] = "k", ["registry:password"] = "p" }),
        new("generated password also given", [], P + "registry.password", "is set but not used by an in-cluster registry (its password is generated).",
            new() { ["cluster:kubeconfig"] = "k", ["registry:password"] = "p" }),
        new("required secret missing under Pulumi", [], P + "cluster.kubeconfig", "kubeconfig is required to reach an existing cluster, and is not set.", []),
        new("github URL without scheme", [("ci:mode", "github"), ("ci:github:configUrl", "github.com/acme")], P + "ci.github.configUrl",
            "must be the https URL of the org, repository or enterprise the runners register with.",
            new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" }),
        new("github token and app both set", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:appId", "1"), ("ci:github:appInstallationId", "2")],
            P + "ci.github.token", "both a token and GitHub App credentials are set; the controller takes one.",
            new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t", ["ci:github:appPrivateKey"] = "pem" }),
        new("gitlab without concurrency", [("ci:mode", "gitlab"), ("ci:gitlab:url", "https://gitlab.com"), ("ci:gitlab:concurrency", "0")], P + "ci.gitlab.concurrency",
            "must be at least 1.", new() { ["cluster:kubeconfig"] = "k", ["ci:gitlab:runnerToken"] = "glrt-x" }),
        new("retention under a day", [("monitoring:retentionDays", "0")], P + "monitoring.retentionDays", "must be at least 1 day."),
        new("monitoring storage not a quantity", [("monitoring:storageSize", "big")], P + "monitoring.storageSize", "is not a storage size."),
        new("grafana host not DNS", [("monitoring:grafanaHost", "Grafana Host")], P + "monitoring.grafanaHost", "is not a DNS host name."),
        new("webhook not https", [], P + "monitoring.receivers.warning.webhookUrl", "is not an https URL (the value is not shown: it is a secret).",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:warning:webhookUrl"] = "ftp://chat.example.com" }),
        new("unknown receiver kind", [("monitoring:receivers:critical:kind", "pagerduti")], P + "monitoring.receivers.critical.kind",
            "is not a known receiver kind; the kinds are webhook, slack, msteams, pagerduty, opsgenie, jira."),
        new("slack receiver without channel", [("monitoring:receivers:warning:kind", "slack")], P + "monitoring.receivers.warning.channel",
            "Slack channel is required for a slack receiver, and is not set.",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:warning:webhookUrl"] = "https://hooks.slack.com/services/T/B/x" }),
        new("slack channel is a URL", [("monitoring:receivers:warning:kind", "slack"), ("monitoring:receivers:warning:channel", "https://hooks.slack.com/services/T/B/x")],
            P + "monitoring.receivers.warning.channel", "is a URL; it must be a channel (#alerts) or user (@oncall), and the webhook URL a secret.",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:warning:webhookUrl"] = "https://hooks.slack.com/services/T/B/x" }),
        new("pagerduty receiver without routing key", [("monitoring:receivers:critical:kind", "pagerduty")], P + "monitoring.receivers.critical.routingKey",
            "PagerDuty integration key is required for a pagerduty receiver, and is not set."),
        new("receiver key given in plain text", [("monitoring:receivers:critical:kind", "pagerduty"), ("monitoring:receivers:critical:routingKey", "r0ut1ng")],
            P + "monitoring.receivers.critical.routingKey", "is a secret but is given in plain text, so it would be stored unencrypted in the stack file."),
        new("field of another receiver kind", [("monitoring:receivers:warning:kind", "slack"), ("monitoring:receivers:warning:channel", "#alerts")],
            P + "monitoring.receivers.warning.apiKey", "is set but not used by a slack receiver (it is for opsgenie).",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:warning:webhookUrl"] = "https://hooks.slack.com/services/T/B/x", ["monitoring:receivers:warning:apiKey"] = "k" }),
        new("opsgenie API URL over http", [("monitoring:receivers:critical:kind", "opsgenie"), ("monitoring:receivers:critical:apiUrl", "http://api.eu.opsgenie.com/")],
            P + "monitoring.receivers.critical.apiUrl", "must be the https URL of the service's API.",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:critical:apiKey"] = "k" }),
        new("jira tracker without project", [("monitoring:receivers:tracker:kind", "jira"), ("monitoring:receivers:tracker:apiUrl", "https://acme.atlassian.net/rest/api/2/"),
                ("monitoring:receivers:tracker:issueType", "Bug"), ("monitoring:receivers:tracker:user", "alerts@acme.example")],
            P + "monitoring.receivers.tracker.project", "Jira project key is required for a jira receiver, and is not set.",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:tracker:apiToken"] = "t" }),
        new("jira tracker without API URL", [("monitoring:receivers:tracker:kind", "jira"), ("monitoring:receivers:tracker:project", "OPS"),
                ("monitoring:receivers:tracker:issueType", "Bug"), ("monitoring:receivers:tracker:user", "alerts@acme.example")],
            P + "monitoring.receivers.tracker.apiUrl", "API URL is required for a jira receiver, and is not set.",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:tracker:apiToken"] = "t" }),
        new("jira project not a key", [("monitoring:receivers:tracker:kind", "jira"), ("monitoring:receivers:tracker:apiUrl", "https://acme.atlassian.net/rest/api/2/"),
                ("monitoring:receivers:tracker:project", "ops team"), ("monitoring:receivers:tracker:issueType", "Bug"), ("monitoring:receivers:tracker:user", "alerts@acme.example")],
            P + "monitoring.receivers.tracker.project",
            "must be a Jira project key: an upper-case letter, then upper-case letters, digits or '_' (OPS, WEB_2).",
            new() { ["cluster:kubeconfig"] = "k", ["monitoring:receivers:tracker:apiToken"] = "t" }),
        new("log error rate negative", [("apps:api:logAlerts:errorsPerMinute", "-1")], P + "apps.api.logAlerts.errorsPerMinute",
            "is a number of log lines per minute and cannot be negative (0 files a ticket for any such line)."),
        new("log keyword rate negative", [("apps:api:logAlerts:keywordsPerMinute", "-0.5")], P + "apps.api.logAlerts.keywordsPerMinute",
            "is a number of log lines per minute and cannot be negative (0 files a ticket for any such line)."),
        new("log window not a range", [("apps:api:logAlerts:window", "10 minutes")], P + "apps.api.logAlerts.window",
            "must be a LogQL range of whole minutes or hours from 1m to 24h (10m, 1h)."),
        new("log window over a day", [("apps:api:logAlerts:window", "2d")], P + "apps.api.logAlerts.window",
            "must be a LogQL range of whole minutes or hours from 1m to 24h (10m, 1h)."),
        new("log keyword with a backtick", [("apps:api:logAlerts:keywords:0", "`rm -rf`")], P + "apps.api.logAlerts.keywords[0]",
            "must be 1–100 characters of plain text without backticks, '{{', '}}', line breaks or surrounding spaces (it is matched literally, ignoring case)."),
        new("log keyword with a template delimiter", [("apps:api:logAlerts:keywords:0", "{{ panic }}")], P + "apps.api.logAlerts.keywords[0]",
            "must be 1–100 characters of plain text without backticks, '{{', '}}', line breaks or surrounding spaces (it is matched literally, ignoring case)."),
        new("log keyword listed twice", [("apps:api:logAlerts:keywords:0", "Deadlock"), ("apps:api:logAlerts:keywords:1", "deadlock")], P + "apps.api.logAlerts.keywords[1]",
            "is listed twice (keywords ignore case)."),
        new("latency budget zero", [("apps:api:slo:latencyP95Ms", "0")], P + "apps.api.slo.latencyP95Ms", "must be a positive number of milliseconds."),
        new("k3s version not pinned", [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("cluster:k3s:version", "latest")],
            P + "cluster.k3s.version", "must be a pinned k3s release tag such as v1.33.5-k3s1.", []),
        new("k3s image not a repository", [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("cluster:k3s:image", "Rancher K3s")],
            P + "cluster.k3s.image", "is not an image repository name.", []),
        new("k3s API on a privileged port", [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("cluster:k3s:apiPort", "443")],
            P + "cluster.k3s.apiPort", "is not a usable port for the Kubernetes API on loopback: it must be 1024–65535 (lower ports need root).", []),
        new("TLS SAN not a name", [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("cluster:k3s:tlsSans:0", "not a host!")],
            P + "cluster.k3s.tlsSans[0]", "is neither a DNS name nor an IP address.", []),
        new("kubeconfig given to k3s", [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker")],
            P + "cluster.kubeconfig", "is set but not used with k3s-docker (the kubeconfig is read from the k3s container)."),
        new("registry on a privileged port", [("environment", "local"), ("cluster:mode", "k3s-docker"), ("registry:mode", "docker"), ("registry:hostPort", "80")],
            P + "registry.hostPort", "is not a usable port for the registry on loopback: it must be 1024–65535 (lower ports need root).", []),
        new("registry storage not a quantity", [("registry:storageSize", "lots")], P + "registry.storageSize", "is not a storage size."),
        new("registry user not a name", [("registry:username", "CI User")], P + "registry.username",
            "must be lower case letters, digits and '-' (it names the htpasswd user)."),
        new("external registry without pull user", [("registry:mode", "external"), ("registry:url", "ghcr.io/acme")], P + "registry.pullUsername",
            "an external registry needs the user the cluster pulls app images as, with a read-only token.", new() { ["cluster:kubeconfig"] = "k", ["registry:pullPassword"] = "p" }),
        new("unknown registry mode", [("registry:mode", "harbor")], P + "registry.mode", "is not a known mode; the modes are docker, in-cluster, external."),
        new("missing ci mode value", [("ci:mode", "")], P + "ci.mode", "is required; one of github, gitlab, none."),
        new("github app id not a number", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:appId", "my-app"), ("ci:github:appInstallationId", "2")],
            P + "ci.github.appId", "a GitHub App needs its numeric id and installation id.", new() { ["cluster:kubeconfig"] = "k", ["ci:github:appPrivateKey"] = "pem" }),
        new("github min runners negative", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:minRunners", "-1")],
            P + "ci.github.minRunners", "cannot be negative.", new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" }),
        new("github max below min", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:minRunners", "3"), ("ci:github:maxRunners", "2")],
            P + "ci.github.maxRunners", "must be at least 1 and at least minRunners (3).", new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" }),
        new("github label not a name", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:labels:0", "Self Hosted")],
            P + "ci.github.labels[0]", "runner labels must be lower case letters, digits, '-' and '.'.", new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" }),
        new("gitlab over http", [("ci:mode", "gitlab"), ("ci:gitlab:url", "http://gitlab.example.com")], P + "ci.gitlab.url",
            "must be the https URL of the GitLab instance.", new() { ["cluster:kubeconfig"] = "k", ["ci:gitlab:runnerToken"] = "glrt-x" }),
        new("gitlab token missing", [("ci:mode", "gitlab"), ("ci:gitlab:url", "https://gitlab.com")], P + "ci.gitlab.runnerToken",
            "runner authentication token is required for the runner to register with GitLab, and is not set."),
        new("upstream not a stack name", [("upstream", "my staging")], P + "upstream", "is not a stack name."),
        new("egress not CIDR:port", [("apps:api:egress:0", "db.example.com:5432")], P + "apps.api.egress[0]",
            "must be a destination as CIDR:port, with the network address of the CIDR (10.20.0.0/16:5432, 203.0.113.0/24:443)."),
        new("egress CIDR with host bits", [("apps:api:egress:0", "10.20.1.5/16:5432")], P + "apps.api.egress[0]",
            "must be a destination as CIDR:port, with the network address of the CIDR (10.20.0.0/16:5432, 203.0.113.0/24:443)."),
        new("freeze without reason", [("freeze:enabled", "true")], P + "freeze.reason", "a freeze needs a reason, shown to everyone whose change it refuses."),
        new("upstream is itself", [("upstream", "dev")], P + "upstream", "names this stack itself, so nothing could ever be promoted."),
        new("staging without an upstream", [("environment", "staging"), ("apps:api:blue", "1.4.2@sha256:" + new string('a', 64)), ("apps:api:green", "1.5.0@sha256:" + new string('b', 64)), ("apps:web:blue", "2.3.1@sha256:" + new string('c', 64))],
            P + "upstream", "is required in staging: without it, a version could take traffic here that never ran live before (the promotion ladder)."),
        new("prod without on-call receiver", [("environment", "prod"), ("apps:api:replicas", "2"), ("apps:web:replicas", "2")], P + "monitoring.receivers.critical.webhookUrl",
            "webhook URL is required in prod, so that critical alerts page someone, and is not set.", new() { ["cluster:kubeconfig"] = "k" }),
        new("verify without a minimum", [("verify:minRequests", "0")], P + "verify.minRequests",
            "must be at least 1: with no minimum, a slot that served nothing would pass."),
        new("verify window under two scrapes", [("verify:window", "30s")], P + "verify.window",
            "is shorter than 1m: rate() needs two of the ServiceMonitor's 30s scrapes in the window."),
        new("app verify window not a duration", [("apps:api:verify:window", "five minutes")], P + "apps.api.verify.window", "is not a Prometheus duration (such as 5m or 1h30m)."),
        new("bake time not a duration", [("verify:bakeTime", "10 min")], P + "verify.bakeTime", "is not a Prometheus duration (such as 10m)."),
        new("negative latency regression", [("apps:web:verify:latencyRegressionPercent", "-5")], P + "apps.web.verify.latencyRegressionPercent",
            "is how far (in percent) the candidate's p95 may exceed the live slot's and must be 0–1000."),
        new("misspelt verify key", [("verify:minRequest", "10")], P + "verify.minRequest", "unknown key (from test)."),
        new("scan severity not a Trivy severity", [("release:scanSeverity", "HIGH,critical")], P + "release.scanSeverity",
            "must be Trivy severities separated by commas, from UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL (upper case); \"critical\" is not one."),
        new("scan severity empty", [("release:scanSeverity", "")], P + "release.scanSeverity",
            "must be Trivy severities separated by commas, from UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL (upper case); an empty one is not one."),
        new("scan severity twice", [("release:scanSeverity", "CRITICAL,CRITICAL")], P + "release.scanSeverity", "names a severity twice."),
        new("scan severity without critical", [("release:scanSeverity", "HIGH")], P + "release.scanSeverity",
            "must include CRITICAL: a release scan that lets critical findings through gates nothing."),
        new("replicas above the bound", [("apps:api:replicas", "2000000000")], P + "apps.api.replicas", ReplicasWhy("replicas")),
        new("autoscaling ceiling above the bound", [("apps:api:autoscaling:maxReplicas", "50001")], P + "apps.api.autoscaling.maxReplicas", ReplicasWhy("maxReplicas")),
        new("idle replicas above the bound", [("apps:api:replicas", "60000"), ("apps:api:idleReplicas", "55000")], P + "apps.api.idleReplicas",
            "must be between 0 and replicas, at most 50000."),
        new("github min runners above the bound", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:minRunners", "50001"), ("ci:github:maxRunners", "50001")], P + "ci.github.minRunners", CiJobsWhy,
            new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" }),
        new("github max runners above the bound", [("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:maxRunners", "2147483647")], P + "ci.github.maxRunners", CiJobsWhy,
            new() { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" }),
        new("gitlab concurrency above the bound", [("ci:mode", "gitlab"), ("ci:gitlab:url", "https://gitlab.com"), ("ci:gitlab:concurrency", "1000000")], P + "ci.gitlab.concurrency",
            CiJobsWhy, new() { ["cluster:kubeconfig"] = "k", ["ci:gitlab:runnerToken"] = "glrt-x" }),
        new("retention above a Go duration", [("monitoring:retentionDays", "106752")], P + "monitoring.retentionDays",
            "is above 106751: Prometheus, Loki and Tempo read retention as a Go duration, which holds at most 2562047h (about 292 years)."),
    ];

    private static string ReplicasWhy(string key) =>
        $"is above 50000: the apps quota holds both slots with half again as headroom (3 × {key}), and Kubernetes' largest supported cluster holds 150000 pods.";

    private const string CiJobsWhy =
        "is above 50000: the ci quota holds each job's pods with half again as headroom (3 pods per ARC job), and Kubernetes' largest supported cluster holds 150000 pods.";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_config_is_reported_with_its_exact_key_and_message(Case row)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(row.Changes), row.Secrets ?? TestConfigs.Secrets());

        Assert.Contains(loaded.Errors, p => p.Key == row.Key && p.Message == row.Message);
    }

    [Theory]
    [InlineData("apps:web:live", "bleu", "did you mean \"blue\"? pulumi config set --path delivery-platform:apps.web.live blue.")]
    [InlineData("apps:api:host", "10.1.2.3", "pulumi config set --path delivery-platform:apps.api.host api.<your domain>.")]
    [InlineData("apps:web:host", "api.example.com", "give each its own host name, or remove one: pulumi config rm --path delivery-platform:apps.web.host.")]
    [InlineData("release:scanSeverity", "HIGH", "pulumi config set --path delivery-platform:release.scanSeverity HIGH,CRITICAL.")]
    [InlineData("release:scanSeverity", "High", "pulumi config set --path delivery-platform:release.scanSeverity HIGH,CRITICAL.")]
    public void The_fix_names_the_key_and_what_to_set(string key, string value, string fix)
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With((key, value)));

        Assert.Contains(loaded.Errors, p => p.Fix == fix);
    }

    [Fact]
    public void The_table_covers_at_least_thirty_rules() => Assert.True(Cases().Count >= 30);

    [Fact]
    public void The_valid_base_config_has_no_problem() =>
        Assert.Empty(TestConfigs.Load(TestConfigs.ValidDev()).Problems);

    [Fact]
    public void Every_bound_is_reported_at_once_with_a_fix_in_range()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(
                ("apps:api:replicas", "2000000000"), ("apps:web:autoscaling:maxReplicas", "2147483647"), ("monitoring:retentionDays", "2147483647"),
                ("ci:mode", "gitlab"), ("ci:gitlab:url", "https://gitlab.com"), ("ci:gitlab:concurrency", "99999999")),
            new Dictionary<string, string> { ["cluster:kubeconfig"] = "k", ["ci:gitlab:runnerToken"] = "glrt-x" });

        var bounds = loaded.Errors.Where(p => p.Message.StartsWith("is above ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [P + "apps.api.replicas", P + "apps.web.autoscaling.maxReplicas", P + "ci.gitlab.concurrency", P + "monitoring.retentionDays"],
            bounds.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains(bounds, p => p.Value == "2000000000" && p.Fix == "pulumi config set --path delivery-platform:apps.api.replicas <1–50000>.");
        Assert.Contains(bounds, p => p.Value == "2147483647" && p.Fix == "pulumi config set --path delivery-platform:monitoring.retentionDays <1–106751>.");
    }

    [Fact]
    public void The_fix_for_a_max_below_a_huge_min_stays_in_range()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(
                ("apps:api:replicas", "2000000000"), ("apps:api:autoscaling:maxReplicas", "3"),
                ("ci:mode", "github"), ("ci:github:configUrl", "https://github.com/acme"), ("ci:github:minRunners", "2000000000"), ("ci:github:maxRunners", "3")),
            new Dictionary<string, string> { ["cluster:kubeconfig"] = "k", ["ci:github:token"] = "t" });

        Assert.Contains(loaded.Errors, p => p.Fix == "pulumi config set --path delivery-platform:apps.api.autoscaling.maxReplicas 50000.");
        Assert.Contains(loaded.Errors, p => p.Fix == "pulumi config set --path delivery-platform:ci.github.maxRunners 50000.");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(
            ("environment", "prd"), ("apps:api:blue", "latest"), ("apps:api:port", "80"), ("apps:web:live", "green"), ("apps:api:helthPath", "/")));

        Assert.Equal(
            [P + "apps.api.blue", P + "apps.api.helthPath", P + "apps.api.port", P + "apps.web.live", P + "environment"],
            loaded.Errors.Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}
