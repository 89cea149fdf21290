namespace Deliver.Commands;

/// <summary>What <c>deliver check --json</c> prints: each stack checked.</summary>
internal sealed record CheckJson(IReadOnlyList<CheckedStack> Stacks);

/// <summary>A stack's verdict: valid when it has no error (warnings do not fail it), and every problem, errors first.</summary>
internal sealed record CheckedStack(string Stack, bool Valid, int Errors, int Warnings, IReadOnlyList<ProblemJson> Problems);
