using Delivery.Core.Configuration;

namespace Deliver.Commands;

/// <summary>A config problem in JSON: severity <c>error</c> or <c>warning</c>, the key, the value (null when unset or secret), what is wrong, the fix for this stack.</summary>
internal sealed record ProblemJson(string Severity, string Key, string? Value, string Message, string Fix)
{
    public static ProblemJson Of(string stack, ConfigProblem problem)
    {
        var shown = problem.ForStack(stack);
        return new(shown.IsError ? "error" : "warning", shown.Key, shown.Value, shown.Message, shown.Fix);
    }
}
