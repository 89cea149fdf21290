using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// Debian builds prometheus-alertmanager 0.28.1 with <c>0011-Disable-Jira-notification.patch</c>
/// (see /usr/share/doc/prometheus-alertmanager/changelog.Debian.gz), so its amtool rejects
/// <c>jira_configs</c> outright. Upstream Alertmanager 0.28, which the chart runs, has them. So each
/// Jira block is checked here against upstream's <c>JiraConfig</c> (its YAML fields and the checks of
/// its UnmarshalYAML), then handed to amtool as a webhook to the same API URL with the same
/// <c>http_config</c>, which amtool does check (basic auth with <c>password_file</c>), along with
/// the routing tree. <c>Debian_amtool_still_rejects_jira_configs</c> fails once Debian ships Jira: then delete this.
/// </summary>
internal static class DebianJira
{
    /// <summary>JiraConfig's YAML fields in Alertmanager's config/notifiers.go, with NotifierConfig's send_resolved.</summary>
    private static readonly HashSet<string> UpstreamFields =
    [
        "send_resolved", "http_config", "api_url", "project", "summary", "description", "labels", "priority",
        "issue_type", "reopen_transition", "resolve_transition", "wont_fix_resolution", "reopen_duration", "fields",
    ];

    /// <summary>The tree with each Jira block checked and replaced; other receivers are left as they are.</summary>
    public static OrderedDictionary<string, object?> CheckedAndReplaced(OrderedDictionary<string, object?> tree)
    {
        foreach (var receiver in ((List<object?>)tree["receivers"]!).Cast<OrderedDictionary<string, object?>>())
        {
            if (!receiver.Remove("jira_configs", out var configs))
                continue;
            var webhooks = new List<object?>();
            foreach (var jira in ((List<object?>)configs!).Cast<OrderedDictionary<string, object?>>())
            {
                Assert.All(jira.Keys, key => Assert.Contains(key, UpstreamFields));
                // UnmarshalYAML refuses a block without these; the config has no global jira_api_url to fall back on.
                Assert.False(string.IsNullOrEmpty(jira.GetValueOrDefault("project") as string), "jira_configs needs project");
                Assert.False(string.IsNullOrEmpty(jira.GetValueOrDefault("issue_type") as string), "jira_configs needs issue_type");
                var apiUrl = Assert.IsType<string>(jira["api_url"]);
                webhooks.Add(Map(("url", apiUrl), ("http_config", jira["http_config"])));
            }
            receiver["webhook_configs"] = webhooks;
        }
        return tree;
    }
}
