using System.CommandLine;

namespace Deliver;

/// <summary>
/// A parse that failed, as deliver prints it: each mistake once, missing arguments by name, and the
/// help of the command that was meant.
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Lines(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var lines = new List<string>();
        var missing = command.Arguments.Where(argument => parsed.GetResult(argument) is not { Tokens.Count: > 0 }).Select(a => $"<{a.Name}>").ToList();
        var unknown = parsed.UnmatchedTokens.Count > 0;
        if (unknown)
            lines.Add(Unknown(command, parsed.UnmatchedTokens[0]));
        foreach (var error in parsed.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            // The first unknown word is said above, with a suggestion; the words after it follow from it.
            if (error.StartsWith("Required argument missing", StringComparison.Ordinal) || error.StartsWith("Unrecognized command or argument", StringComparison.Ordinal))
                continue;
            // An unknown word where a command was expected is one mistake, not two.
            if (unknown && error.StartsWith("Required command was not provided", StringComparison.Ordinal))
                continue;
            lines.Add(error.StartsWith("Required command was not provided", StringComparison.Ordinal) ? "no command given." : error);
        }
        if (missing.Count > 0 && parsed.Errors.Any(e => e.Message.StartsWith("Required argument missing", StringComparison.Ordinal)))
            lines.Insert(0, $"{command.Name}: missing {string.Join(" and ", missing)} (usage: deliver {Usage(command)}).");
        return [.. lines.Select(line => $"error: {line}"), $"see deliver {(command is RootCommand ? "" : command.Name + " ")}--help"];
    }

    /// <summary>An unknown command or option, with the closest known one.</summary>
    private static string Unknown(Command command, string token)
    {
        var (what, known) = token.StartsWith('-')
            ? ($"option \"{token}\"{(command is RootCommand ? "" : $" for {command.Name}")}", command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
                .SelectMany(o => o.Aliases.Prepend(o.Name)))
            : command.Subcommands.Count > 0 ? ($"command \"{token}\"", command.Subcommands.Select(c => c.Name)) : ($"argument \"{token}\"", []);
        var suggestion = Delivery.Core.Configuration.Suggestions.Closest(token, known);
        return $"unknown {what}{(suggestion is null ? "." : $"; did you mean \"{suggestion}\"?")}";
    }

    private static string Usage(Command command) =>
        string.Join(' ', [command.Name, .. command.Arguments.Select(a => $"<{a.Name}>"), "[options]"]);
}
