namespace Delivery.Cli.Commands;

/// <summary>deliver check: every problem of one or all stacks, with its key and fix.</summary>
internal static class CheckCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string? stack, bool all)
    {
        if (stack is not null && all)
            throw new UsageException("give either --stack <name> or --all, not both.");
        if (stack is null && !all)
            throw new UsageException("give --stack <name> or --all.");
        var failed = 0;
        var stacks = all ? workspace.Stacks() : [stack!];
        foreach (var name in stacks)
        {
            var loaded = workspace.Load(name);
            var hasErrors = ProblemPrinter.PrintFor(name, terminal, loaded.Problems);
            var errors = loaded.Errors.Count();
            var warnings = loaded.Warnings.Count();
            terminal.Line($"{name}: {(hasErrors ? "invalid" : "valid")} ({errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")})");
            failed += hasErrors ? 1 : 0;
        }
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }
}
