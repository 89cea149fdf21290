using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// Gathers the leaves of a structured config value into entries and reports keys that repeat in
/// one map: the configuration binder ignores case, so <c>api</c> and <c>API</c> would silently merge.
/// </summary>
internal sealed class EntryCollector(string origin)
{
    private readonly List<ConfigEntry> _entries = [];
    private readonly List<ConfigProblem> _problems = [];

    /// <summary>Where the entries come from, as messages name it (a file name, the engine's config).</summary>
    public string Origin => origin;

    public IReadOnlyList<ConfigEntry> Entries => _entries;

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public void Leaf(ConfigPath path, string value, SecretState secrecy) =>
        _entries.Add(new ConfigEntry(path.ConfigurationKey, value, secrecy, origin));

    /// <summary>Reports a repeated key; returns false for the repeats, which are then skipped.</summary>
    /// <param name="map">The map holding the key; null for the top level of the stack config.</param>
    public bool FirstOfItsName(ConfigPath? map, string key, HashSet<string> seenInMap)
    {
        if (seenInMap.Add(key))
            return true;
        _problems.Add(ConfigProblem.Error(map?.Key(key) ?? ConfigPath.Root(key), null,
            $"the key \"{key}\" appears more than once in this map in {origin} (keys are compared ignoring case).",
            "keep one entry under this name and remove or rename the others."));
        return false;
    }

    public void Problem(ConfigProblem problem) => _problems.Add(problem);

    public static HashSet<string> NewKeySet() => new(StringComparer.OrdinalIgnoreCase);
}
