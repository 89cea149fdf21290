using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Delivery.Core.Tests.Charts;

/// <summary>
/// What a pinned chart version runs with the platform's values, as read from the chart's source at
/// its release commit and rendered by a real <c>helm template</c>: one file per chart version in
/// <c>docs/charts/</c> (format in docs/charts/README.md). The tests hold the platform to these facts.
/// </summary>
public sealed class ChartFacts
{
    public string Chart { get; set; } = "";
    public string Version { get; set; } = "";
    public string Released { get; set; } = "";
    public ChartSource Source { get; set; } = new();
    public string AppVersion { get; set; } = "";
    public string? Parent { get; set; }
    public string RenderedWith { get; set; } = "";
    public string? Unverified { get; set; }
    public List<Workload> Workloads { get; set; } = [];
    public List<Grant> Rbac { get; set; } = [];
    public List<Webhook> Webhooks { get; set; } = [];
    public List<CapabilityGate> CapabilityGated { get; set; } = [];
    public Dictionary<string, List<string>> AlertmanagerConfigKeys { get; set; } = [];
    public List<string> Notes { get; set; } = [];

    /// <summary>The pods that run with these release values (a workload without <c>when</c> always runs).</summary>
    public IEnumerable<Workload> ActiveWorkloads(OrderedDictionary<string, object?> values) => Workloads.Where(w => w.When?.HoldsFor(values) ?? true);

    public IEnumerable<Grant> ActiveGrants(OrderedDictionary<string, object?> values) => Rbac.Where(g => g.When?.HoldsFor(values) ?? true);

    public IEnumerable<CapabilityGate> ActiveGates(OrderedDictionary<string, object?> values) => CapabilityGated.Where(g => g.When?.HoldsFor(values) ?? true);

    /// <summary>The file name a chart version's facts must have.</summary>
    public static string FileName(string chart, string version) => $"{chart}-{version}.yaml";

    public static string Folder => Path.Combine(TestRepository.Root(), "docs", "charts");

    private static readonly Lazy<IReadOnlyDictionary<string, ChartFacts>> All = new(() =>
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return Directory.EnumerateFiles(Folder, "*.yaml").ToDictionary(path => Path.GetFileName(path), path => deserializer.Deserialize<ChartFacts>(File.ReadAllText(path)));
    });

    /// <summary>Every facts file by its file name.</summary>
    public static IReadOnlyDictionary<string, ChartFacts> Files => All.Value;

    public static ChartFacts Of(string chart, string version) =>
        Files.TryGetValue(FileName(chart, version), out var facts) ? facts : throw new Xunit.Sdk.XunitException($"no facts file docs/charts/{FileName(chart, version)}");

    /// <summary>The chart's short name: an OCI reference's or a repository-prefixed chart's last segment.</summary>
    public static string ChartName(string chart) => chart[(chart.LastIndexOf('/') + 1)..];

    public static bool IsCommit(string text) => Regex.IsMatch(text, "^[0-9a-f]{40}$");
}

public sealed class ChartSource
{
    public string Repository { get; set; } = "";
    public string Path { get; set; } = "";
    public string Commit { get; set; } = "";
}

public sealed class Workload
{
    public string Name { get; set; } = "";
    public Condition? When { get; set; }
    public string Kind { get; set; } = "";
    public string Namespace { get; set; } = "";
    public bool Runtime { get; set; }
    public string ServiceAccount { get; set; } = "";
    public Dictionary<string, string> PodLabels { get; set; } = [];
    public List<string> Images { get; set; } = [];
    public List<NamedPort> Ports { get; set; } = [];
    public PodSecurityFacts PodSecurity { get; set; } = new();
    public List<Flow> Flows { get; set; } = [];
    public List<Inbound> Inbound { get; set; } = [];
    public override string ToString() => $"{Namespace}/{Name}";
}

public sealed class NamedPort
{
    public string Name { get; set; } = "";
    public int Port { get; set; }
}

/// <summary>What Pod Security admission looks at, as rendered.</summary>
public sealed class PodSecurityFacts
{
    public bool HostNetwork { get; set; }
    [YamlMember(Alias = "hostPID")]
    public bool HostPid { get; set; }

    [YamlMember(Alias = "hostIPC")]
    public bool HostIpc { get; set; }

    public List<string> HostPaths { get; set; } = [];
    public List<int> HostPorts { get; set; } = [];
    public bool Privileged { get; set; }
    public List<string> CapabilitiesAdded { get; set; } = [];
    public bool DropsAll { get; set; }
    public bool RunAsNonRoot { get; set; }
    public bool RunAsRootUser { get; set; }
    public bool AllowPrivilegeEscalationFalse { get; set; }
    public string Seccomp { get; set; } = "unset";
    public string Level { get; set; } = "";

    /// <summary>The release values these settings come from, where the chart's default would give less: the facts hold only while each does.</summary>
    public List<Condition> DependsOn { get; set; } = [];
}

/// <summary>A connection a pod opens: <c>api-server</c>, <c>dns</c>, <c>internet:PORT</c>, <c>identity-provider</c>, <c>node:PORT</c> or <c>pod:NS/KEY=VALUE:PORT</c>.</summary>
public sealed class Flow
{
    public string To { get; set; } = "";
    public string Why { get; set; } = "";
    public override string ToString() => $"{To} ({Why})";
}

public sealed class Inbound
{
    public string From { get; set; } = "";
    public int Port { get; set; }
    public string Why { get; set; } = "";
}

public sealed class Grant
{
    public string ServiceAccount { get; set; } = "";
    public Condition? When { get; set; }
    public string Namespace { get; set; } = "";
    public string Scope { get; set; } = "";
    public List<Rule> Rules { get; set; } = [];
}

public sealed class Rule
{
    public List<string> ApiGroups { get; set; } = [];
    public List<string> Resources { get; set; } = [];
    public List<string> Verbs { get; set; } = [];
    public List<string> ResourceNames { get; set; } = [];
    [YamlMember(Alias = "nonResourceURLs")]
    public List<string> NonResourceUrls { get; set; } = [];
}

public sealed class Webhook
{
    public string Name { get; set; } = "";
    public string Service { get; set; } = "";
    public int Port { get; set; }
    public int TargetPort { get; set; }
    public string FailurePolicy { get; set; } = "";
    public int TimeoutSeconds { get; set; }
}

public sealed class CapabilityGate
{
    public string Kind { get; set; } = "";
    public Condition? When { get; set; }
    public string Needs { get; set; } = "";
}

/// <summary>
/// The release value a fact depends on, as the chart's templates read it: <c>path</c> (dotted, from
/// the release's values; a subchart's under its key) and what it must be: <c>is</c> a scalar, or
/// <c>contains</c> an item of a list; <c>unset</c> says whether the fact holds when we leave the
/// value to the chart's default. With neither <c>is</c> nor <c>contains</c>, the fact holds only while
/// the value is unset.
/// </summary>
public sealed class Condition
{
    public string Path { get; set; } = "";
    public string? Is { get; set; }
    public string? Contains { get; set; }
    public bool Unset { get; set; }

    public bool HoldsFor(OrderedDictionary<string, object?> values)
    {
        object? node = values;
        foreach (var key in Path.Split('.'))
            node = node is OrderedDictionary<string, object?> map ? map.GetValueOrDefault(key) : null;
        return node switch
        {
            null => Unset,
            _ when Is is not null => string.Equals(Convert.ToString(node, System.Globalization.CultureInfo.InvariantCulture), Is, StringComparison.OrdinalIgnoreCase),
            List<object?> list when Contains is not null => list.Any(item => item as string == Contains),
            _ => false,
        };
    }
}
