using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Microsoft.Extensions.Configuration;

namespace Delivery.Core.Validation;

/// <summary>
/// Builds the typed model of a stack with the standard configuration binder, from three layers
/// (later wins): the tier's built-in defaults, the stack's config, and <c>DELIVERY_</c>
/// environment overrides; then validates it and returns every problem at once.
/// </summary>
public static class DeliveryConfigLoader
{
    public static LoadedConfig Load(StackConfig stack, IReadOnlyDictionary<string, string> environment)
    {
        var problems = new List<ConfigProblem>(stack.Problems);
        var stackEntries = Accepted(stack.Entries, problems);
        var overrides = Accepted(EnvironmentOverrides.Read(environment), problems);

        var winning = new Dictionary<string, ConfigEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in stackEntries.Concat(overrides))
            winning[entry.Key] = entry;

        var profile = TierProfile.Named(winning.GetValueOrDefault("environment")?.Value);
        var appNames = winning.Keys
            .Select(key => key.Split(':'))
            .Where(segments => segments.Length > 2 && segments[0].Equals("apps", StringComparison.OrdinalIgnoreCase))
            .Select(segments => segments[1])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        // An unknown tier is reported by the rules; dev's defaults stand in meanwhile, so that one
        // mistake does not cascade into a missing-value error for every app.
        var defaults = TierDefaults.For(profile ?? TierProfile.Dev, appNames);

        var configuration = new ConfigurationBuilder()
            .Add(new ConfigEntrySource(defaults.Select(d => new ConfigEntry(d.Key, d.Value, SecretState.Plaintext, "the tier's defaults"))))
            .Add(new ConfigEntrySource(stackEntries))
            .Add(new ConfigEntrySource(overrides))
            .Build();
        var config = configuration.Get<DeliveryConfig>() ?? new DeliveryConfig();
        SecretMarking.Apply(config, winning);

        // A source that could not be read at all (not YAML, wrong shape) gives no entries: the rules
        // would only list every required key, burying the one error that matters.
        var unreadable = stack.Entries.Count == 0 && stack.Problems.Any(p => p.IsError);
        if (!unreadable)
            problems.AddRange(ConfigValidator.Validate(config, new ValidationContext(stack.StackName, profile, stack.IsOffline)));
        var valid = profile is not null && !problems.Any(p => p.IsError) ? ValidStack.Of(stack.StackName, config, profile, problems) : null;
        return new LoadedConfig(stack.StackName, config, profile, valid, problems);
    }

    /// <summary>
    /// <see cref="Load"/> where a release is decided (pulumi up, deliver gate, deliver staged): the
    /// <c>DELIVERY_</c> overrides <see cref="ReleaseOverrides"/> refuses are errors, so nothing is changed.
    /// </summary>
    public static LoadedConfig LoadForRelease(StackConfig stack, IReadOnlyDictionary<string, string> environment)
    {
        var loaded = Load(stack, environment);
        var refused = ReleaseOverrides.Refused(environment);
        return loaded with { Problems = [.. refused, .. loaded.Problems], Stack = refused.Any(p => p.IsError) ? null : loaded.Stack };
    }

    private static List<ConfigEntry> Accepted(IEnumerable<ConfigEntry> entries, List<ConfigProblem> problems) =>
        entries.Where(entry => ConfigSchema.Check(entry, problems) is not null).ToList();
}
