namespace Deliver.Commands;

/// <summary>What <c>deliver diff --json</c> prints: the rendered objects (kind/namespace/name ids) the current stack file adds, removes and changes against the other config.</summary>
internal sealed record DiffJson(string Stack, string Against, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed);
