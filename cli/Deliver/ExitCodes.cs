namespace Delivery.Cli;

/// <summary>deliver's exit codes (documented in README).</summary>
internal static class ExitCodes
{
    /// <summary>Done; warnings may have been printed.</summary>
    public const int Ok = 0;

    /// <summary>The config has errors, or a release step was refused (freeze, ladder, validation).</summary>
    public const int Problems = 1;

    /// <summary>Bad usage: unknown option or command, no such stack, file or git revision.</summary>
    public const int Usage = 2;
}
