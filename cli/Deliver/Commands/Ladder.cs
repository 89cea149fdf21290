namespace Deliver.Commands;

/// <summary>The promotion ladder of the workspace's stacks, first to last (dev → staging → prod), from their upstream keys.</summary>
internal static class Ladder
{
    public static IReadOnlyList<string> Of(Workspace workspace)
    {
        var upstreams = workspace.Stacks()
            .Select(stack => (Stack: stack, Loaded: workspace.Load(stack)))
            .Where(s => !s.Loaded.HasErrors)
            .ToDictionary(s => s.Stack, s => s.Loaded.Config.Upstream, StringComparer.Ordinal);
        // The longest chain, walking up from each stack; ties go to the first by name.
        IReadOnlyList<string> longest = [];
        foreach (var stack in upstreams.Keys.Order(StringComparer.Ordinal))
        {
            var chain = new List<string> { stack };
            while (upstreams.GetValueOrDefault(chain[0]) is { Length: > 0 } upstream && !chain.Contains(upstream))
                chain.Insert(0, upstream);
            if (chain.Count > longest.Count)
                longest = chain;
        }
        return longest;
    }
}
