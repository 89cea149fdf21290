using Delivery.Core.Configuration;

namespace Delivery.Cli.Commands;

internal static class ProblemPrinter
{
    /// <summary>Prints problems, errors first; returns whether there was an error.</summary>
    public static bool Print(Terminal terminal, IEnumerable<ConfigProblem> problems, string prefix = "")
    {
        var hasErrors = false;
        foreach (var problem in problems.OrderBy(p => p.IsError ? 0 : 1))
        {
            if (problem.IsError)
            {
                hasErrors = true;
                terminal.Error(prefix + problem);
            }
            else
            {
                terminal.Warning(prefix + problem);
            }
        }
        return hasErrors;
    }
}
