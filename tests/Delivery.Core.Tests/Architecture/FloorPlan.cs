using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Delivery.Core.Tests.Architecture;

/// <summary>
/// The core's floor plan: each folder (first namespace segment under the root, with everything below
/// it) and the folders right beneath it. A folder may use every folder it reaches down these arrows,
/// and no other; docs/ARCHITECTURE.md draws the same arrows (change both together). A folder uses
/// another when one of its types references one of the other's, in IL: constants are inlined, so a
/// constant taken from a folder above is a back edge this cannot see; keep those out too.
/// </summary>
internal static class FloorPlan
{
    public static readonly IReadOnlyDictionary<string, string[]> Beneath = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The typed config and its value grammars (Model/Values).
        ["Model"] = [],
        // Kubernetes primitives: objects, labels, YAML, secrets by source.
        ["Kubernetes"] = ["Model"],
        // Reading the config, its keys and paths, and what a tier changes (TierProfile).
        ["Configuration"] = ["Kubernetes"],
        // What every component's objects attach to: the Gateway's contract, hosts, platform pods and ports.
        ["Network"] = ["Configuration"],
        // The components' renderers, each over the ones it builds on.
        ["Chat"] = [],
        ["Registry"] = ["Network"],
        ["Ci"] = ["Registry"],
        ["Monitoring"] = ["Ci"],
        ["Apps"] = ["Monitoring"],
        // The cluster baseline: namespaces, network policies, quotas and RBAC for every component in use.
        ["Cluster"] = ["Monitoring"],
        // The rules check the config against what the renderers define (hosts, runners, receivers…); the loader runs them last.
        ["Validation"] = ["Chat", "Monitoring"],
        // Release decisions: steps, freeze, ladder, gates and verdicts, the stack file's history.
        ["Release"] = ["Validation", "Apps"],
        ["Incidents"] = ["Release"],
        // The whole stack's rendering.
        ["Platform"] = ["Apps", "Cluster"],
        // git, HTTP and disk: nothing else in the core uses it.
        ["Io"] = ["Release", "Platform"],
    };

    /// <summary>Every folder <paramref name="folder"/> reaches down the arrows.</summary>
    public static IReadOnlySet<string> MayUse(string folder)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>(Beneath[folder]);
        while (next.TryPop(out var below))
        {
            if (reached.Add(below))
            {
                foreach (var further in Beneath[below])
                    next.Push(further);
            }
        }
        return reached;
    }

    /// <summary>One rule per folder: its types use no type of a folder it may not use.</summary>
    public static IEnumerable<(string Folder, IArchRule Rule)> Rules(string root) =>
        Beneath.Keys.Select(folder =>
        {
            var allowed = MayUse(folder);
            var forbidden = Beneath.Keys.Where(other => other != folder && !allowed.Contains(other)).ToList();
            var rule = Types().That().ResideInNamespaceOrBelow($"{root}.{folder}")
                .Should().NotDependOnAny(AnyOf(root, forbidden))
                .Because($"{folder}/ may use only {(allowed.Count == 0 ? "nothing else" : string.Join(", ", allowed.Order(StringComparer.Ordinal)))} (FloorPlan)");
            return (folder, (IArchRule)rule);
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
