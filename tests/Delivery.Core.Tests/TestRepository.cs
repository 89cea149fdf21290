using System.Diagnostics;

namespace Delivery.Core.Tests;

/// <summary>
/// The project's own checkout, and git run in scratch repositories with a fixed identity and time
/// and no user or system git config, for every test project (linked into the others).
/// </summary>
internal static class TestRepository
{
    /// <summary>The repository root: the nearest folder above the test binaries holding Pulumi.yaml.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test binaries.");
    }

    /// <summary>
    /// The example stacks the tests read (tests/fixtures/stacks): the committed stacks as they were
    /// when the tests were written. stacks/ is the team's data and moves with every release; the
    /// tests must not.
    /// </summary>
    public static string ExampleStacks() => Path.Combine(Root(), "tests", "fixtures", "stacks");

    /// <summary>One example stack file (see <see cref="ExampleStacks"/>).</summary>
    public static string ExampleStack(string stack) => Path.Combine(ExampleStacks(), $"Pulumi.{stack}.yaml");

    /// <summary>Author and committer both, so a commit's time is exactly <paramref name="time"/>.</summary>
    public static Dictionary<string, string> Identity(string author, string time) => new()
    {
        ["GIT_AUTHOR_NAME"] = author,
        ["GIT_AUTHOR_EMAIL"] = $"{author.ToLowerInvariant()}@example.com",
        ["GIT_COMMITTER_NAME"] = author,
        ["GIT_COMMITTER_EMAIL"] = $"{author.ToLowerInvariant()}@example.com",
        ["GIT_AUTHOR_DATE"] = time,
        ["GIT_COMMITTER_DATE"] = time,
    };

    /// <summary>Runs git in <paramref name="directory"/> as <paramref name="identity"/>; fails the test if git fails.</summary>
    public static string Git(string directory, IReadOnlyDictionary<string, string> identity, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (name, value) in identity)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        // Both pipes drain at once, so a large output on one cannot block git writing the other.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output.Result;
    }

    /// <summary>Stages everything and commits it as <paramref name="author"/> at <paramref name="time"/>; returns the commit.</summary>
    public static string CommitAll(string directory, string author, string time, string message)
    {
        var identity = Identity(author, time);
        Git(directory, identity, "add", "-A");
        Git(directory, identity, "commit", "-q", "-m", message);
        return Git(directory, identity, "rev-parse", "HEAD").Trim();
    }
}
