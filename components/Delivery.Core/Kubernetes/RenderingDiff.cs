namespace Delivery.Core.Kubernetes;

/// <summary>
/// What changes between two renderings of a stack, per object (kind/namespace/name): the review
/// view of a release, and the proof that a release touches only what it must.
/// </summary>
public sealed record RenderingDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static RenderingDiff Between(IEnumerable<KubernetesObject> before, IEnumerable<KubernetesObject> after)
    {
        var old = before.ToDictionary(o => o.Id, o => o.Body, StringComparer.Ordinal);
        var @new = after.ToDictionary(o => o.Id, o => o.Body, StringComparer.Ordinal);
        return new RenderingDiff(
            [.. @new.Keys.Except(old.Keys).Order(StringComparer.Ordinal)],
            [.. old.Keys.Except(@new.Keys).Order(StringComparer.Ordinal)],
            [.. @new.Keys.Intersect(old.Keys).Where(id => !ManifestTrees.Same(old[id], @new[id])).Order(StringComparer.Ordinal)]);
    }

    public override string ToString() =>
        IsEmpty
            ? "no changes"
            : string.Join('\n', Added.Select(id => $"+ {id}").Concat(Removed.Select(id => $"- {id}")).Concat(Changed.Select(id => $"~ {id}")));
}
