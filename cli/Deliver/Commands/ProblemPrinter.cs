using Delivery.Core.Configuration;

namespace Deliver.Commands;

internal static class ProblemPrinter
{
    /// <summary>
    /// Prints a stack's problems, errors first, each prefixed with <paramref name="prefix"/> and its
    /// fix naming the stack; returns whether there was an error.
    /// </summary>
    public static bool PrintFor(string stack, Terminal terminal, IEnumerable<ConfigProblem> problems, string? prefix = null)
    {
        var hasErrors = false;
        foreach (var problem in problems.OrderBy(p => p.IsError ? 0 : 1).Select(p => p.ForStack(stack)))
        {
            var line = (prefix ?? $"{stack}: ") + problem;
            if (problem.IsError)
            {
                hasErrors = true;
                terminal.Error(line);
            }
            else
            {
                terminal.Warning(line);
            }
        }
        return hasErrors;
    }
}
