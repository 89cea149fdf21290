using System.Diagnostics;

namespace Delivery.Core.Tests.Tools;

/// <summary>
/// Runs a real checking tool (node, yamllint, promtool, amtool, registry). A missing tool fails the
/// test with how to install it: a check that silently skips is no check.
/// </summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => $"{Output}\n{Error}".Trim();
    }

    public static Result Run(string tool, IEnumerable<string> arguments, string? standardInput = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = workingDirectory ?? TestRepository.Root(),
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish.");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The tool's full path; fails with the install command when it is not on PATH.</summary>
    public static string Require(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"'{tool}' is not installed, and this test needs it. Run bash tools/test.sh (it installs the checking tools; needs root or sudo).");
    }
}
