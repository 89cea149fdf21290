using System.Diagnostics;
using Delivery.Cli;

namespace Deliver.Tests;

/// <summary>
/// A scratch copy of the project's Pulumi.yaml and committed stack files in a fresh git repository
/// (one commit, so release history starts there), and deliver run against it.
/// </summary>
internal sealed class ProjectCopy : IDisposable
{
    public const string Epoch = "2026-01-01T10:00:00Z";

    public ProjectCopy(bool git = true)
    {
        Root = Directory.CreateTempSubdirectory("deliver-test-").FullName;
        var repository = RepositoryRoot();
        File.Copy(Path.Combine(repository, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(Root, "stacks"));
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "stacks")))
            File.Copy(file, Path.Combine(Root, "stacks", Path.GetFileName(file)));
        if (git)
        {
            Git("init", "-q", "-b", "main");
            Commit("Ana", Epoch, "the committed stacks");
        }
    }

    public string Root { get; }

    public string StackPath(string stack) => Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml");

    public string Stack(string stack) => File.ReadAllText(StackPath(stack));

    public static string Committed(string stack) => File.ReadAllText(Path.Combine(RepositoryRoot(), "stacks", $"Pulumi.{stack}.yaml"));

    public (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = DeliverCli.Run([.. args, "--root", Root], output, error, Root, colour: false);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Commits everything as <paramref name="author"/> at <paramref name="time"/> (author and committer).</summary>
    public void Commit(string author, string time, string message)
    {
        Git("add", "-A");
        Git(GitEnvironment(author, time), "commit", "-q", "-m", message);
    }

    public string Git(params string[] args) => Git(GitEnvironment("Test", Epoch), args);

    public string Git(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    /// <summary>A git identity and time for author and committer, independent of the machine's git config.</summary>
    public static Dictionary<string, string> GitEnvironment(string author, string time) => new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = author,
        ["GIT_AUTHOR_EMAIL"] = $"{author.ToLowerInvariant()}@example.com",
        ["GIT_COMMITTER_NAME"] = author,
        ["GIT_COMMITTER_EMAIL"] = $"{author.ToLowerInvariant()}@example.com",
        ["GIT_AUTHOR_DATE"] = time,
        ["GIT_COMMITTER_DATE"] = time,
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test binaries.");
    }
}
