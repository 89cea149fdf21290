namespace Deliver.Commands;

/// <summary>What <c>deliver status --json</c> prints: each stack asked for (<see cref="StackStatus"/>).</summary>
internal sealed record StatusJson(IReadOnlyList<StackStatus> Stacks);
