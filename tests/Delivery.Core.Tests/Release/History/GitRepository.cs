using System.Diagnostics;
using System.Globalization;
using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Release.History;

/// <summary>A real git repository in a temp folder, committed to by named authors at given times.</summary>
internal sealed class GitRepository : IDisposable
{
    public GitRepository()
    {
        Root = Directory.CreateTempSubdirectory("ledger-test-").FullName;
        Git("init", "-q", "-b", "main");
    }

    public string Root { get; }

    /// <summary>The committed staging stack file of this project: a realistic start.</summary>
    public static string StagingStack()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            directory = directory.Parent;
        return File.ReadAllText(Path.Combine(directory!.FullName, "stacks", "Pulumi.staging.yaml"));
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Sets <c>delivery-platform:&lt;key&gt;</c> in a stack file, as deliver or pulumi config set would.</summary>
    public void Set(string path, string dottedKey, string value)
    {
        var parts = dottedKey.Split('.');
        var key = parts.Skip(1).Aggregate(ConfigPath.Root(parts[0]), (at, part) => at.Key(part));
        Write(path, StackFileEditor.Set(Read(path), key, value));
    }

    public string Commit(string author, string time, string message)
    {
        Git(Environment(author, time), "add", "-A");
        Git(Environment(author, time), "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] args) => Git(new Dictionary<string, string>(), args);

    public string Git(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (name, value) in Environment("Test", "2026-01-01T00:00:00Z").Concat(environment).GroupBy(p => p.Key).Select(g => g.Last()))
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    /// <summary>Author and committer both, so the commit's time is exactly <paramref name="time"/>.</summary>
    public static Dictionary<string, string> Environment(string author, string time) => new()
    {
        ["GIT_AUTHOR_NAME"] = author,
        ["GIT_AUTHOR_EMAIL"] = $"{author.ToLowerInvariant()}@example.com",
        ["GIT_COMMITTER_NAME"] = author,
        ["GIT_COMMITTER_EMAIL"] = $"{author.ToLowerInvariant()}@example.com",
        ["GIT_AUTHOR_DATE"] = time,
        ["GIT_COMMITTER_DATE"] = time,
    };

    public static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
