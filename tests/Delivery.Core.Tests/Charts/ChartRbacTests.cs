namespace Delivery.Core.Tests.Charts;

/// <summary>
/// Every cluster-wide grant a chart service account keeps with our values (the chart's own, or one
/// the platform binds in its place) is in SECURITY.md's table, and no chart service account reads
/// Secrets cluster-wide beyond the ones that table explains.
/// </summary>
public sealed class ChartRbacTests
{
    /// <summary>The chart service accounts SECURITY.md explains as reading Secrets cluster-wide.</summary>
    private static readonly string[] ExplainedSecretReaders = ["monitoring/kube-prometheus-stack-operator", "monitoring/trivy-operator"];

    private static IEnumerable<Grant> ClusterGrants() =>
        PinnedCharts.All().SelectMany(PinnedCharts.Grants).Where(grant => grant.Scope == "cluster");

    private static string Account(Grant grant) => $"{grant.Namespace}/{grant.ServiceAccount}";

    /// <summary>Chart service accounts and the platform's ClusterRoleBindings to service accounts (people's groups are in the RBAC section).</summary>
    private static IReadOnlySet<string> ClusterGrantees() =>
        ClusterGrants().Select(Account).Concat(PinnedCharts.Renderings().SelectMany(r => r.Objects)
                .Where(o => o.Kind == "ClusterRoleBinding")
                .SelectMany(o => ((List<object?>)o.Body["subjects"]!).Cast<OrderedDictionary<string, object?>>())
                .Where(subject => (string)subject["kind"]! == "ServiceAccount")
                .Select(subject => $"{subject["namespace"]}/{subject["name"]}"))
            .ToHashSet();

    /// <summary>The rows of SECURITY.md's table of cluster-wide chart grants, by service account.</summary>
    private static Dictionary<string, string> SecurityRows()
    {
        var lines = File.ReadAllLines(Path.Combine(TestRepository.Root(), "docs", "SECURITY.md"));
        var start = Array.IndexOf(lines, "## Cluster-wide grants the charts keep");
        Assert.True(start >= 0, "SECURITY.md lacks its section '## Cluster-wide grants the charts keep'");
        return lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToDictionary(line => line.Split('`')[1], line => line);
    }

    [Fact]
    public void Every_cluster_wide_grant_a_chart_keeps_is_listed_with_its_reason_in_security_md()
    {
        var rows = SecurityRows();

        var grantees = ClusterGrantees();

        Assert.All(grantees, account =>
        {
            Assert.True(rows.TryGetValue(account, out var row), $"{account} keeps a cluster-wide grant that SECURITY.md does not list");
            Assert.True(row!.Split('|')[3].Trim().Length > 0, $"{account}: say why it stays");
        });
        Assert.All(rows.Keys, account => Assert.Contains(account, grantees));
    }

    [Fact]
    public void No_chart_service_account_reads_secrets_cluster_wide_unless_security_md_says_why()
    {
        var readers = ClusterGrants().Where(grant => grant.Rules.Any(ChartRbac.ReadsSecrets)).Select(Account).Distinct().Order();
        var rows = SecurityRows();

        Assert.Equal(ExplainedSecretReaders.Order(), readers);
        Assert.All(ExplainedSecretReaders, account => Assert.Contains("Secrets", rows[account], StringComparison.Ordinal));
    }

    /// <summary>The facts follow the values: with the chart defaults our values override, the grants come back, so the tables above can fail.</summary>
    [Theory]
    [InlineData("loki", "rbac", "monitoring", "loki")]
    [InlineData("alloy", "rbac", "monitoring-agents", "alloy")]
    [InlineData("kube-prometheus-stack", "kube-state-metrics", "monitoring", "kube-prometheus-stack-kube-state-metrics")]
    [InlineData("envoy-gateway", "config", "gateway", "envoy-gateway")]
    public void Without_our_values_the_charts_service_account_reads_secrets_everywhere_again(string release, string valueKey, string @namespace, string serviceAccount)
    {
        var spec = PinnedCharts.All().First(c => c.ReleaseName == release);
        var chartDefaults = spec with { Values = new OrderedDictionary<string, object?>(spec.Values.Where(v => v.Key != valueKey)) };
        var account = new Security.RbacAuthorizer.ServiceAccount(@namespace, serviceAccount);

        Assert.False(new Security.RbacAuthorizer(ChartRbac.Objects([spec])).Can(account, "list", "", "secrets", "ci"));
        Assert.True(new Security.RbacAuthorizer(ChartRbac.Objects([chartDefaults])).Can(account, "list", "", "secrets", "ci"));
    }
}
