namespace Deliver.Tests;

/// <summary>
/// A scratch copy of the project's Pulumi.yaml and the example stack files in a fresh git repository
/// (one commit, so release history starts there), and deliver run against it.
/// </summary>
internal sealed class ProjectCopy : IDisposable
{
    public const string Epoch = "2026-01-01T10:00:00Z";

    public ProjectCopy(bool git = true)
    {
        Root = Directory.CreateTempSubdirectory("deliver-test-").FullName;
        var repository = TestRepository.Root();
        File.Copy(Path.Combine(repository, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(Root, "stacks"));
        foreach (var file in Directory.GetFiles(TestRepository.ExampleStacks()))
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

    /// <summary>Freezes <paramref name="stack"/> (uncommitted) with the reason "incident 42"; returns the frozen file's text.</summary>
    public string Freeze(string stack)
    {
        File.WriteAllText(StackPath(stack), Stack(stack)
            .Replace("config:\n", "config:\n  delivery-platform:freeze:\n    enabled: true\n    reason: \"incident 42\"\n", StringComparison.Ordinal));
        return Stack(stack);
    }

    public static string Committed(string stack) => File.ReadAllText(TestRepository.ExampleStack(stack));

    public (int ExitCode, string Output, string Error) Run(params string[] args) => Run(colour: false, args);

    /// <summary>deliver as on an interactive terminal without NO_COLOR: with colour.</summary>
    public (int ExitCode, string Output, string Error) RunInColour(params string[] args) => Run(colour: true, args);

    private (int ExitCode, string Output, string Error) Run(bool colour, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = DeliverCli.Run([.. args, "--root", Root], output, error, Root, colour);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Commits everything as <paramref name="author"/> at <paramref name="time"/> (author and committer).</summary>
    public void Commit(string author, string time, string message) => TestRepository.CommitAll(Root, author, time, message);

    public string Git(params string[] args) => TestRepository.Git(Root, TestRepository.Identity("Test", Epoch), args);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
