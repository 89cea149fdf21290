namespace Delivery.Core.Configuration;

/// <summary>
/// One thing wrong with the config: the key as a user would pass it to
/// <c>pulumi config set --path</c>, the offending value (never a secret's), what is wrong, the fix.
/// </summary>
public sealed partial record ConfigProblem(Severity Severity, string Key, string? Value, string Message, string Fix)
{
    public static ConfigProblem Error(ConfigPath path, string? value, string message, string fix) =>
        new(Severity.Error, path.ToString(), value, message, fix);

    public static ConfigProblem Warning(ConfigPath path, string? value, string message, string fix) =>
        new(Severity.Warning, path.ToString(), value, message, fix);

    public bool IsError => Severity == Severity.Error;

    /// <summary>
    /// The problem as told to someone working on the stack files of several stacks: every
    /// <c>pulumi config set</c> / <c>rm</c> in the fix names the stack, so it can be pasted as it is.
    /// Under <c>pulumi up</c> the stack is implied and the fix stays as the rule wrote it.
    /// </summary>
    public ConfigProblem ForStack(string stack)
    {
        var fix = DeliverRuleCommand().Replace(Fix.Contains("--stack ", StringComparison.Ordinal) ? Fix : PulumiConfigCommand().Replace(Fix, $"pulumi config $1 --stack {stack}"),
            $"$1 --stack {stack}");
        return fix == Fix ? this : this with { Fix = fix };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"pulumi config (set|rm)\b")]
    private static partial System.Text.RegularExpressions.Regex PulumiConfigCommand();

    /// <summary>The rule steps a fix names without a stack (the core does not know the stack's name).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(deliver (?:unfreeze|hotfix [a-z0-9-]+ (?:--reason ""<why>""|--clear)))(?! --stack)")]
    private static partial System.Text.RegularExpressions.Regex DeliverRuleCommand();

    public override string ToString()
    {
        var level = IsError ? "error" : "warning";
        var shown = Value is null ? "" : $" = \"{Value}\"";
        return $"{level}: {Key}{shown}: {Message} Fix: {Fix}";
    }
}
