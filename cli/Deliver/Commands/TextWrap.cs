using System.Text.RegularExpressions;

namespace Deliver.Commands;

/// <summary>Text broken at spaces into lines of at most a width; a word longer than the width (a URL, a key) keeps its own line whole.</summary>
internal static partial class TextWrap
{
    public const int Columns = 120;

    /// <param name="indent">Put before every line but the first.</param>
    public static IReadOnlyList<string> Lines(string text, string indent, int width = Columns)
    {
        var lines = new List<string>();
        string? current = null;
        foreach (var word in text.Split(' '))
        {
            if (current is null)
            {
                current = word;
            }
            else if (current.Length + 1 + word.Length <= width)
            {
                current += " " + word;
            }
            else
            {
                lines.Add(current);
                current = indent + word;
            }
        }
        lines.Add(current ?? "");
        return lines;
    }

    /// <summary>
    /// "Fix: …" at <paramref name="indent"/>. Too long for one line, the command in it (from
    /// <c>pulumi config</c> or <c>deliver</c> on) starts a line of its own and is broken with shell
    /// line continuations, so that pasted it runs whole, never without its <c>--stack</c>.
    /// </summary>
    public static IReadOnlyList<string> Fix(string fix, string indent, int width = Columns)
    {
        var line = $"{indent}Fix: {fix}";
        if (line.Length <= width || Command().Match(fix) is not { Success: true } command)
            return Lines(line, indent + "  ", width);
        var deeper = indent + "  ";
        var prose = fix[..command.Index].TrimEnd();
        List<string> lines = [.. Lines($"{indent}Fix: {prose}", deeper, width)];
        // An option stays with its value ("--stack dev" is never split).
        var continued = Lines(deeper + OptionValue().Replace(fix[command.Index..], "$1\u00a0"), deeper, width - 2);
        lines.AddRange(continued.Select((part, index) => part.Replace('\u00a0', ' ') + (index < continued.Count - 1 ? " \\" : "")));
        return lines;
    }

    [GeneratedRegex(@"(--[a-z-]+) (?=[^-])")]
    private static partial Regex OptionValue();

    [GeneratedRegex(@"\b(?:pulumi config|deliver) ")]
    private static partial Regex Command();
}
