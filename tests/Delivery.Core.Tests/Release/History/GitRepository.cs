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
    public static string StagingStack() => File.ReadAllText(TestRepository.ExampleStack("staging"));

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

    public string Commit(string author, string time, string message) => TestRepository.CommitAll(Root, author, time, message);

    public string Git(params string[] args) => Git(TestRepository.Identity("Test", "2026-01-01T00:00:00Z"), args);

    public string Git(IReadOnlyDictionary<string, string> identity, params string[] args) => TestRepository.Git(Root, identity, args);

    public static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
