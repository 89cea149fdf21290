using System.Diagnostics;

namespace Deliver.Tests;

/// <summary>
/// The ./deliver launcher builds the CLI (Native AOT, else the JIT build) only when it is missing or
/// its sources changed, says so on stderr, then runs the built binary. Run here on a copy of the
/// launcher in a scratch project, with a fake dotnet that records each build and "builds" a binary
/// that echoes its arguments; <c>FAKE_AOT_FAILS</c> makes its publish fail as on a machine without
/// a native toolchain.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("deliver-launcher-").FullName;

    public LauncherTests()
    {
        File.Copy(Path.Combine(TestRepository.Root(), "deliver"), Path.Combine(_root, "deliver"));
        foreach (var folder in new[] { "cli/Deliver", "components/Delivery.Core", "fake" })
            Directory.CreateDirectory(Path.Combine(_root, folder));
        foreach (var file in new[] { "cli/Deliver/Program.cs", "components/Delivery.Core/Core.cs", "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.WriteAllText(Path.Combine(_root, file), "");
        var dotnet = Path.Combine(_root, "fake", "dotnet");
        File.WriteAllText(dotnet, """
            #!/usr/bin/env bash
            # fake dotnet publish/build: records the call, writes a binary that echoes its arguments into -o.
            echo "$1" >> "$LAUNCHER_BUILDS"
            if [[ $1 == publish && -n ${FAKE_AOT_FAILS:-} ]]; then
              echo "/usr/lib/ILCompiler.targets(1,1): error : Platform linker ('clang' or 'gcc') not found in PATH [/p/Deliver.csproj]"
              exit 1
            fi
            while [[ $# -gt 0 && $1 != -o ]]; do shift; done
            mkdir -p "$2"; printf '#!/usr/bin/env bash\necho "ran $*"\n' > "$2/deliver"; chmod +x "$2/deliver"
            """.Replace("\r", "", StringComparison.Ordinal));
        using var chmod = Process.Start("chmod", ["+x", dotnet]);
        chmod.WaitForExit();
    }

    private string Builds => Path.Combine(_root, "builds.log");

    private string[] BuildSteps => File.Exists(Builds) ? File.ReadAllLines(Builds) : [];

    private int BuildCount => BuildSteps.Length;

    private string Run(params string[] args) => Launch(aotFails: false, args).Output;

    private (string Output, string Error) Launch(bool aotFails, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, "deliver"));
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        start.Environment["PATH"] = $"{Path.Combine(_root, "fake")}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["LAUNCHER_BUILDS"] = Builds;
        if (aotFails)
            start.Environment["FAKE_AOT_FAILS"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the launcher did not finish");
        Assert.True(process.ExitCode == 0, error);
        return (output.Trim(), error.Trim());
    }

    [Fact]
    public void Builds_once_then_runs_the_built_binary_until_a_source_changes()
    {
        Assert.Equal("ran status --stack prod", Run("status", "--stack", "prod"));
        Assert.Equal(1, BuildCount);

        Assert.Equal("ran --help", Run("--help"));
        Assert.Equal(1, BuildCount);

        // A source edited after the last build.
        File.SetLastWriteTimeUtc(Path.Combine(_root, ".deliver/.built"), DateTime.UtcNow.AddMinutes(-1));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "components/Delivery.Core/Core.cs"), DateTime.UtcNow.AddSeconds(-1));
        Assert.Equal("ran check --all", Run("check", "--all"));
        Assert.Equal(2, BuildCount);

        Assert.Equal("ran check --all", Run("check", "--all"));
        Assert.Equal(2, BuildCount);
    }

    [Fact]
    public void Build_output_inside_the_source_folders_does_not_count_as_a_change()
    {
        Run("--help");
        var obj = Path.Combine(_root, "cli/Deliver/obj");
        Directory.CreateDirectory(obj);
        File.WriteAllText(Path.Combine(obj, "project.assets.json"), "");
        File.SetLastWriteTimeUtc(Path.Combine(obj, "project.assets.json"), DateTime.UtcNow.AddSeconds(5));

        Run("--help");

        Assert.Equal(1, BuildCount);
    }

    [Fact]
    public void Says_on_stderr_what_it_builds_and_why()
    {
        var first = Launch(aotFails: false, "--help");
        Assert.Equal("building deliver (AOT, first run)…", first.Error);
        Assert.Equal(["publish"], BuildSteps);

        Assert.Equal("", Launch(aotFails: false, "--help").Error);

        File.SetLastWriteTimeUtc(Path.Combine(_root, ".deliver/.built"), DateTime.UtcNow.AddMinutes(-1));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "cli/Deliver/Program.cs"), DateTime.UtcNow.AddSeconds(-1));
        Assert.Equal("building deliver (AOT, sources changed: cli/Deliver/Program.cs)…", Launch(aotFails: false, "--help").Error);
    }

    [Fact]
    public void Falls_back_to_the_JIT_build_with_a_note_where_AOT_cannot_build()
    {
        var (output, error) = Launch(aotFails: true, "status", "--stack", "prod");

        Assert.Equal("ran status --stack prod", output);
        Assert.Equal(["publish", "build"], BuildSteps);
        Assert.Equal(
            "building deliver (AOT, first run)…\n" +
            "note: Native AOT did not build here (error : Platform linker ('clang' or 'gcc') not found in PATH); building the JIT build instead.",
            error);

        // The JIT build stands until a source changes: no AOT attempt on every call.
        Assert.Equal("ran --help", Launch(aotFails: true, "--help").Output);
        Assert.Equal(2, BuildCount);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
