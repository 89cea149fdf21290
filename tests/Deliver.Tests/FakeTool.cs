using System.Diagnostics;

namespace Deliver.Tests;

/// <summary>A stand-in command for a script under test: an executable bash file in a bin folder put first on PATH.</summary>
internal static class FakeTool
{
    /// <summary>Writes <paramref name="script"/> as <c>bin/name</c> under <paramref name="scratch"/> and returns the bin folder.</summary>
    public static string Install(string scratch, string name, string script)
    {
        var bin = Directory.CreateDirectory(Path.Combine(scratch, "bin")).FullName;
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, script.Replace("\r", "", StringComparison.Ordinal) + "\n");
        using (var chmod = Process.Start("chmod", ["+x", path])!)
            chmod.WaitForExit();
        return bin;
    }
}
