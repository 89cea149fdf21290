using Delivery.Core.Configuration;

namespace Delivery.Core.Validation;

internal static class ModeRules
{
    public static ConfigProblem Unknown(ConfigPath path, string value, IReadOnlyList<string> modes)
    {
        var choices = string.Join('|', modes);
        if (value.Length == 0)
            return ConfigProblem.Error(path, null, $"is required; one of {string.Join(", ", modes)}.", $"pulumi config set --path {path} <{choices}>.");
        var suggestion = Suggestions.Closest(value, modes);
        return ConfigProblem.Error(path, value, $"is not a known mode; the modes are {string.Join(", ", modes)}.",
            suggestion is null ? $"pulumi config set --path {path} <{choices}>." : $"did you mean \"{suggestion}\"? pulumi config set --path {path} {suggestion}.");
    }
}
