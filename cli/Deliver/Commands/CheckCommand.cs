using Delivery.Core.Configuration;
using Delivery.Core.Validation;

namespace Deliver.Commands;

/// <summary>
/// deliver check: every problem of one or all stacks, with its key and fix, including those only
/// the stacks folder shows: an upstream that is no stack, and upstreams that form a cycle.
/// </summary>
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
        var loaded = stacks.ToDictionary(name => name, workspace.Load);
        var upstreams = workspace.Stacks().ToDictionary(name => name, name => (loaded.GetValueOrDefault(name) ?? workspace.Load(name)).Config.Upstream);
        foreach (var name in stacks)
        {
            IReadOnlyList<ConfigProblem> problems = [.. loaded[name].Problems, .. UpstreamRules.Check(name, upstreams)];
            var hasErrors = ProblemPrinter.PrintFor(name, terminal, problems);
            var errors = problems.Count(p => p.IsError);
            var warnings = problems.Count - errors;
            terminal.Line($"{name}: {(hasErrors ? "invalid" : "valid")} ({errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")})");
            failed += hasErrors ? 1 : 0;
        }
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }
}
