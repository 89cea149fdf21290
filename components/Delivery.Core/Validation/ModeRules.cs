using Delivery.Core.Configuration;

namespace Delivery.Core.Validation;

/// <summary>A section's <c>mode</c>: one of its known modes, or one problem that names them (and the closest).</summary>
internal static class ModeRules
{
    /// <summary>
    /// The section's own rules where its mode is known; else only the mode's problem, since every
    /// other rule of the section depends on the mode.
    /// </summary>
    public static IEnumerable<ConfigProblem> ThenCheck(string section, string value, IReadOnlyList<string> modes, Func<IEnumerable<ConfigProblem>> rules) =>
        modes.Contains(value) ? rules() : [Unknown(ConfigPath.Root(section).Key("mode"), value, modes)];

    private static ConfigProblem Unknown(ConfigPath path, string value, IReadOnlyList<string> modes)
    {
        var choices = string.Join('|', modes);
        if (value.Length == 0)
            return ConfigProblem.Error(path, null, $"is required; one of {string.Join(", ", modes)}.", $"pulumi config set --path {path} <{choices}>.");
        var suggestion = Suggestions.Closest(value, modes);
        return ConfigProblem.Error(path, value, $"is not a known mode; the modes are {string.Join(", ", modes)}.",
            suggestion is null ? $"pulumi config set --path {path} <{choices}>." : $"did you mean \"{suggestion}\"? pulumi config set --path {path} {suggestion}.");
    }
}
