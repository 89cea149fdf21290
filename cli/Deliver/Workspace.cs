using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Validation;

namespace Deliver;

/// <summary>The project a command works on: the folder with Pulumi.yaml, and its stack files.</summary>
internal sealed class Workspace(string root)
{
    public string Root => root;

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Pulumi.yaml.</summary>
    public static Workspace Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
                return new Workspace(directory.FullName);
        }
        throw new UsageException($"no Pulumi.yaml in {start} or above: run deliver inside the project, or pass --root <project folder>.");
    }

    public string StackFile(string stack) => Path.Combine(root, "stacks", $"Pulumi.{stack}.yaml");

    public IReadOnlyList<string> Stacks() =>
        [.. Directory.GetFiles(Path.Combine(root, "stacks"), "Pulumi.*.yaml").Select(StackFileReader.StackNameOf).Order(StringComparer.Ordinal)];

    public string ReadStack(string stack)
    {
        var path = StackFile(stack);
        if (!File.Exists(path))
            throw new UsageException($"no stack \"{stack}\": {path} does not exist (stacks: {string.Join(", ", Stacks())}).");
        return StackFileText.ReadFile(path);
    }

    /// <summary>A stack's model from its file's text, with the DELIVERY_ overrides of this process.</summary>
    public static LoadedConfig Load(string yaml, string stack, string origin) =>
        DeliveryConfigLoader.Load(StackFileReader.Parse(yaml, stack, origin), ProcessEnvironment.Read());

    public LoadedConfig Load(string stack) => Load(ReadStack(stack), stack, Path.GetFileName(StackFile(stack)));
}
