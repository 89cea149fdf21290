using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Delivery.Core.Io;

/// <summary>Runs the git CLI in a folder; every failure becomes a <see cref="HistoryUnavailableException"/> with one line.</summary>
internal sealed class GitCli(string directory)
{
    public string Run(params string[] args) => Encoding.UTF8.GetString(RunBytes(args, input: null));

    /// <summary>git's standard output as bytes (blob sizes are in bytes); <paramref name="input"/> goes to its standard input.</summary>
    public byte[] RunBytes(IReadOnlyList<string> args, string? input)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Output must not depend on the user's pager or locale.
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw NotInstalled();
        }
        catch (Win32Exception)
        {
            throw NotInstalled();
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var writer = Task.Run(() =>
            {
                if (input is not null)
                    process.StandardInput.Write(input);
                process.StandardInput.Close();
            });
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            writer.Wait();
            process.WaitForExit();
            if (process.ExitCode == 0)
                return buffer.ToArray();
            var first = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
            throw new HistoryUnavailableException($"git {args[0]} failed: {first}");
        }
    }

    private static HistoryUnavailableException NotInstalled() =>
        new("git is not installed (or not on PATH); install git to read the release history.");
}
