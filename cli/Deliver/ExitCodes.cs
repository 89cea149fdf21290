namespace Deliver;

/// <summary>deliver's exit codes (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done; warnings may have been printed.</summary>
    public const int Ok = 0;

    /// <summary>The config has errors, or a release step was refused (freeze, ladder, validation).</summary>
    public const int Problems = 1;

    /// <summary>Bad usage: unknown option or command, no such stack, file or git revision.</summary>
    public const int Usage = 2;

    /// <summary>verify and gate: monitoring could not answer (unreachable, bad URL, query error), so no verdict. Shares 2 with bad usage: neither judged anything.</summary>
    public const int CannotJudge = 2;
}
