using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Delivery.Core.Tests.Architecture;

/// <summary>
/// The core's floor plan: the folders (first namespace segment under the root, with everything
/// below it) each folder may use. docs/ARCHITECTURE.md draws this table; change both together.
/// A folder uses another when one of its types references one of the other's (in IL: constants are
/// inlined, so a constant from a folder above is a back edge this cannot see; keep them out too).
/// </summary>
internal static class FloorPlan
{
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The typed config and its value grammars (Model/Values).
        ["Model"] = [],
        // Kubernetes primitives: objects, labels, YAML, secrets by source.
        ["Kubernetes"] = ["Model"],
        // Reading the config, its keys and paths, and what a tier changes (TierProfile).
        ["Configuration"] = ["Model", "Kubernetes"],
        // What every component's objects attach to: the Gateway's contract, hosts, platform pods and ports.
        ["Network"] = ["Model", "Kubernetes", "Configuration"],
        // The components' renderers, each over the ones below it.
        ["Chat"] = [],
        ["Registry"] = ["Model", "Kubernetes", "Configuration", "Network"],
        ["Ci"] = ["Model", "Kubernetes", "Configuration", "Network", "Registry"],
        ["Monitoring"] = ["Model", "Kubernetes", "Configuration", "Network", "Ci"],
        ["Apps"] = ["Model", "Kubernetes", "Configuration", "Network", "Registry", "Monitoring"],
        // The cluster baseline: namespaces, network policies, quotas and RBAC for every component in use.
        ["Cluster"] = ["Model", "Kubernetes", "Configuration", "Network", "Registry", "Ci", "Monitoring"],
        // The rules check the config against what the renderers define (hosts, runners, receivers…); the loader runs them.
        ["Validation"] = ["Model", "Kubernetes", "Configuration", "Network", "Chat", "Registry", "Ci", "Monitoring"],
        // Release decisions: ids, steps, freeze, ladder, gates, the stack file's history.
        ["Release"] = ["Model", "Kubernetes", "Configuration", "Validation", "Registry", "Monitoring", "Apps"],
        ["Incidents"] = ["Model", "Monitoring", "Release"],
        // The whole stack's rendering.
        ["Platform"] = ["Model", "Kubernetes", "Configuration", "Registry", "Ci", "Monitoring", "Apps", "Cluster"],
        // git, HTTP and disk: may read anything pure, and nothing pure may use it.
        ["Io"] = ["Model", "Kubernetes", "Configuration", "Monitoring", "Release", "Platform"],
    };

    /// <summary>One rule per folder: its types use no type of a folder it may not use.</summary>
    public static IEnumerable<(string Folder, IArchRule Rule)> Rules(string root) =>
        MayUse.Select(entry =>
        {
            var forbidden = MayUse.Keys.Where(other => other != entry.Key && !entry.Value.Contains(other)).ToList();
            var rule = Types().That().ResideInNamespaceOrBelow($"{root}.{entry.Key}")
                .Should().NotDependOnAny(AnyOf(root, forbidden))
                .Because($"{entry.Key}/ may use only {(entry.Value.Length == 0 ? "nothing else" : string.Join(", ", entry.Value))} (FloorPlan)");
            return (entry.Key, (IArchRule)rule);
        });

    /// <summary>The folders under <paramref name="root"/> that the types of <paramref name="architecture"/> live in.</summary>
    public static IReadOnlySet<string> FoldersOf(ArchUnitNET.Domain.Architecture architecture, string root) =>
        architecture.Types
            .Select(type => type.Namespace.FullName)
            .Where(name => name.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(name => name[(root.Length + 1)..].Split('.')[0])
            .ToHashSet(StringComparer.Ordinal);

    private static IObjectProvider<IType> AnyOf(string root, IReadOnlyList<string> folders)
    {
        var types = Types().That().ResideInNamespaceOrBelow($"{root}.{folders[0]}");
        foreach (var folder in folders.Skip(1))
            types = types.Or().ResideInNamespaceOrBelow($"{root}.{folder}");
        return types;
    }
}
