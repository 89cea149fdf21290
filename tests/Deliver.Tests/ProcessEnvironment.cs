namespace Deliver.Tests;

/// <summary>
/// Tests that change this process's environment (PATH, DELIVERY_ variables) run alone: every other
/// test reads the same environment, and some start git.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";

    /// <summary>Sets variables for the life of the returned scope, then restores them.</summary>
    public static IDisposable Set(params (string Name, string? Value)[] variables)
    {
        var saved = variables.Select(v => (v.Name, Value: Environment.GetEnvironmentVariable(v.Name))).ToList();
        foreach (var (name, value) in variables)
            Environment.SetEnvironmentVariable(name, value);
        return new Restore(saved);
    }

    private sealed class Restore(List<(string Name, string? Value)> saved) : IDisposable
    {
        public void Dispose()
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }
}
