using Delivery.Core.Configuration;

namespace Delivery.Core.Validation;

/// <summary>
/// The promotion ladder across stacks, which one stack's config cannot show: each upstream names a
/// stack that exists, and following upstreams never comes back (dev ↔ staging would let nothing in).
/// Checked only where every stack is known (deliver check over stacks/, which both release
/// pipelines run before any deploy). Under Pulumi the program sees one stack: an upstream that was
/// never deployed stops it, having no releaseState output; one that names no stack fails in the
/// engine's read of the StackReference (Pulumi's "unknown stack"); a cycle it cannot see.
/// </summary>
public static class UpstreamRules
{
    /// <param name="upstreams">Every stack's upstream by stack name ("" for none).</param>
    public static IEnumerable<ConfigProblem> Check(string stack, IReadOnlyDictionary<string, string> upstreams)
    {
        var path = ConfigPath.Root("upstream");
        var upstream = upstreams.GetValueOrDefault(stack, "");
        if (upstream.Length == 0 || upstream == stack)
            yield break; // none, or itself (the stack's own rules report that)
        if (!upstreams.ContainsKey(upstream))
        {
            var others = upstreams.Keys.Where(s => s != stack).Order(StringComparer.Ordinal).ToList();
            var suggestion = Suggestions.Closest(upstream, others);
            yield return ConfigProblem.Error(path, upstream, $"names no stack in stacks/ (the stacks are {string.Join(", ", others)}).",
                suggestion is null
                    ? $"pulumi config set {path} <stack> --stack {stack}, or remove it: pulumi config rm {path} --stack {stack}."
                    : $"did you mean \"{suggestion}\"? pulumi config set {path} {suggestion} --stack {stack}.");
            yield break;
        }
        var chain = new List<string> { stack };
        for (var current = upstream; current.Length > 0 && upstreams.ContainsKey(current); current = upstreams[current])
        {
            if (chain.Contains(current))
            {
                if (current == stack)
                {
                    yield return ConfigProblem.Error(path, upstream, $"makes a cycle: {string.Join(" ← ", [.. chain, current])}, so no version could ever be live upstream first.",
                        $"the first stack of the ladder takes releases straight from CI and has no upstream: pulumi config rm {path} --stack <that stack>.");
                }
                yield break; // a cycle further up is reported on the stacks in it
            }
            chain.Add(current);
        }
    }
}
