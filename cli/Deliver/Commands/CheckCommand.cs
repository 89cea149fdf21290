using System.Text.Json;
using Delivery.Core.Configuration;
using Delivery.Core.Validation;

namespace Deliver.Commands;

/// <summary>
/// deliver check: every problem of one or all stacks, with its key and fix, including those only
/// the stacks folder shows: an upstream that is no stack, and upstreams that form a cycle. Problems
/// are wrapped within 120 columns, the fix on its own line; a warning several stacks share (a
/// secret not set in the file) is printed once, naming them all. <c>--json</c> prints each stack's
/// verdict and problems (docs/json.md); the problems still go to stderr.
/// </summary>
internal static class CheckCommand
{
    public static int Run(Workspace workspace, Terminal terminal, string? stack, bool all, bool json = false)
    {
        if (stack is not null && all)
            throw new UsageException("give either --stack <name> or --all, not both.");
        if (stack is null && !all)
            throw new UsageException("give --stack <name> or --all.");
        var stacks = all ? workspace.Stacks() : [stack!];
        var loaded = stacks.ToDictionary(name => name, workspace.Load);
        var upstreams = workspace.Stacks().ToDictionary(name => name, name => (loaded.GetValueOrDefault(name) ?? workspace.Load(name)).Config.Upstream);
        var problems = stacks.ToDictionary(name => name, name => (IReadOnlyList<ConfigProblem>)[.. loaded[name].Problems, .. UpstreamRules.Check(name, upstreams)]);
        // The stacks each warning is raised for, by the warning with its fix naming no stack in particular.
        var warnedIn = problems.SelectMany(p => p.Value.Where(problem => !problem.IsError).Select(problem => (Problem: AnyStack(p.Key, problem), Stack: p.Key)))
            .Distinct()
            .GroupBy(p => p.Problem, p => p.Stack)
            .ToDictionary(g => g.Key, g => g.ToList());
        var reports = new List<CheckedStack>();
        foreach (var name in stacks)
        {
            foreach (var problem in problems[name].OrderBy(p => p.IsError ? 0 : 1))
            {
                var shared = problem.IsError ? [name] : warnedIn[AnyStack(name, problem)];
                if (shared[0] == name)
                    Print(terminal, shared.Count == 1 ? problem.ForStack(name) : AnyStack(name, problem), string.Join(", ", shared));
            }
            var errors = problems[name].Count(p => p.IsError);
            var warnings = problems[name].Count - errors;
            reports.Add(new CheckedStack(name, errors == 0, errors, warnings, [.. problems[name].OrderBy(p => p.IsError ? 0 : 1).Select(p => ProblemJson.Of(name, p))]));
            if (!json)
                terminal.Line($"{name}: {(errors > 0 ? "invalid" : "valid")} ({errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")})");
        }
        if (json)
            terminal.Line(JsonSerializer.Serialize(new CheckJson(reports), ReportJsonContext.Default.CheckJson));
        return reports.All(r => r.Valid) ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary>The problem as said of several stacks: its fix names <c>--stack &lt;stack&gt;</c>.</summary>
    private static ConfigProblem AnyStack(string stack, ConfigProblem problem)
    {
        var named = problem.ForStack(stack);
        return named with { Fix = named.Fix.Replace($"--stack {stack}", "--stack <stack>", StringComparison.Ordinal) };
    }

    /// <summary>The problem within 120 columns: what is wrong, then its fix on lines of its own, a command in it kept pasteable.</summary>
    private static void Print(Terminal terminal, ConfigProblem problem, string stacks)
    {
        var text = $"{stacks}: {problem}";
        var fixAt = text.LastIndexOf($" Fix: {problem.Fix}", StringComparison.Ordinal);
        foreach (var line in (IEnumerable<string>)[.. TextWrap.Lines(text[..fixAt], "    "), .. TextWrap.Fix(problem.Fix, "    ")])
        {
            if (problem.IsError)
                terminal.Error(line);
            else
                terminal.Warning(line);
        }
    }
}
