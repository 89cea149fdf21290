using Delivery.Cli;

namespace Deliver.Tests;

/// <summary>A scratch copy of the project's Pulumi.yaml and committed stack files, and deliver run against it.</summary>
internal sealed class ProjectCopy : IDisposable
{
    public ProjectCopy()
    {
        Root = Directory.CreateTempSubdirectory("deliver-test-").FullName;
        var repository = RepositoryRoot();
        File.Copy(Path.Combine(repository, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(Root, "stacks"));
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "stacks")))
            File.Copy(file, Path.Combine(Root, "stacks", Path.GetFileName(file)));
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

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test binaries.");
    }
}
