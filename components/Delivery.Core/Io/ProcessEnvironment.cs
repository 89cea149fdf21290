namespace Delivery.Core.Io;

/// <summary>The process's environment variables, read once where a command or the program starts; the core takes them as a dictionary.</summary>
public static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string> Read() =>
        System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
