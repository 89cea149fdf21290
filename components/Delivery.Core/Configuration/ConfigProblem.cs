namespace Delivery.Core.Configuration;

/// <summary>
/// One thing wrong with the config: the key as a user would pass it to
/// <c>pulumi config set --path</c>, the offending value (never a secret's), what is wrong, the fix.
/// </summary>
public sealed record ConfigProblem(Severity Severity, string Key, string? Value, string Message, string Fix)
{
    public static ConfigProblem Error(ConfigPath path, string? value, string message, string fix) =>
        new(Severity.Error, path.ToString(), value, message, fix);

    public static ConfigProblem Warning(ConfigPath path, string? value, string message, string fix) =>
        new(Severity.Warning, path.ToString(), value, message, fix);

    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var level = IsError ? "error" : "warning";
        var shown = Value is null ? "" : $" = \"{Value}\"";
        return $"{level}: {Key}{shown}: {Message} Fix: {Fix}";
    }
}
