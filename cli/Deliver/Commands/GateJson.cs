namespace Deliver.Commands;

/// <summary>What <c>deliver gate --json</c> prints when it judged (cannot judge: stderr and exit 2, no JSON).</summary>
/// <param name="Change"><c>none</c>, <c>rollback</c> or <c>release</c>: only a release is gated.</param>
/// <param name="Changes">What changed, one line per app.</param>
/// <param name="Verdict"><c>pass</c> or <c>refused</c>.</param>
/// <param name="Reasons">Why it is refused: firing critical alerts, fast-burning budgets, a dead alert pipeline.</param>
/// <param name="Firing">The critical alerts among the reasons, one object each (what --file-incident files).</param>
/// <param name="OutOfScope">What fires or burns for apps this release does not touch (release.gateScope: app), not counted.</param>
/// <param name="BudgetsChecked">Whether error budgets were read (--prometheus given).</param>
internal sealed record GateJson(string Stack, string Against, string Change, IReadOnlyList<string> Changes, string Verdict,
    IReadOnlyList<string> Reasons, IReadOnlyList<GateAlertJson> Firing, IReadOnlyList<string> OutOfScope, bool BudgetsChecked);

/// <summary>One firing critical alert the gate counted.</summary>
/// <param name="App">The app it is about (its <c>app</c> label); null for the platform.</param>
/// <param name="Muted">How it is hidden from receivers (silenced, inhibited), or empty; the gate counts it all the same.</param>
internal sealed record GateAlertJson(string Alert, string? App, string Summary, string Muted);
