using System.Text;
using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>
/// A block of a Markdown file marked <c>&lt;!-- walkthrough: NAME --&gt;</c> right before its
/// <c>```sh</c> fence: its file, its lines, each with its line number, its commands (split on
/// <c>&amp;&amp;</c>, as shell words) and its trailing comment. A marker ending <c>, monitoring</c>
/// (<c>&lt;!-- walkthrough: NAME, monitoring --&gt;</c>) runs against Prometheus and Alertmanager.
/// </summary>
internal sealed partial record Walkthrough(string File, string Name, bool UsesMonitoring, IReadOnlyList<WalkthroughLine> Lines)
{
    /// <summary>The walkthroughs of README.md and every docs/*.md, in that order.</summary>
    public static IReadOnlyList<Walkthrough> InDocs(string repositoryRoot)
    {
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(repositoryRoot, "docs"), "*.md")
            .Select(path => Path.GetRelativePath(repositoryRoot, path)).Order(StringComparer.Ordinal));
        return [.. files.SelectMany(file => In(file, System.IO.File.ReadAllText(Path.Combine(repositoryRoot, file))))];
    }

    /// <summary>The walkthroughs of one Markdown text; <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<Walkthrough> In(string file, string markdown)
    {
        var lines = markdown.Split('\n');
        var found = new List<Walkthrough>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i].Trim());
            if (!marker.Success)
                continue;
            var fence = i + 1;
            while (fence < lines.Length && lines[fence].Trim().Length == 0)
                fence++;
            if (fence >= lines.Length || lines[fence].Trim() != "```sh")
                throw new InvalidOperationException($"{file} line {i + 1}: a walkthrough marker must be followed by a ```sh block.");
            var body = new List<WalkthroughLine>();
            var end = fence + 1;
            for (; end < lines.Length && lines[end].Trim() != "```"; end++)
            {
                if (lines[end].Trim().Length > 0 && !lines[end].TrimStart().StartsWith('#'))
                    body.Add(WalkthroughLine.Parse(file, end + 1, lines[end]));
            }
            if (end >= lines.Length)
                throw new InvalidOperationException($"{file} line {fence + 1}: the walkthrough block is not closed.");
            found.Add(new Walkthrough(file, marker.Groups[1].Value, marker.Groups[2].Success, body));
            i = end;
        }
        return found;
    }

    [GeneratedRegex(@"^<!--\s*walkthrough:\s*([a-z0-9-]+)(,\s*monitoring)?\s*-->$")]
    private static partial Regex Marker();
}

/// <summary>One line of a walkthrough: its commands as shell words, and its comment ("" if none).</summary>
internal sealed record WalkthroughLine(int Number, string Text, IReadOnlyList<IReadOnlyList<string>> Commands, string Comment)
{
    /// <summary>Shell words with '…' and "…" quoting; a # after whitespace starts the comment; &amp;&amp; separates commands.</summary>
    public static WalkthroughLine Parse(string file, int number, string text)
    {
        var commands = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        var comment = "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$')
                    word.Append(text[++i]);
                else
                    word.Append(c);
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                End();
            }
            else if (c == '#' && !inWord)
            {
                comment = text[(i + 1)..].Trim();
                break;
            }
            else if (c == '&' && !inWord && i + 1 < text.Length && text[i + 1] == '&')
            {
                i++;
                commands.Add([.. words]);
                words.Clear();
            }
            else if (c is '|' or ';' or '>' or '<' or '`' or '$' or '&' or '(' or ')')
            {
                throw new InvalidOperationException($"{file} line {number}: \"{c}\" is shell syntax the walkthrough runner does not run; keep walkthrough lines to plain commands and &&.");
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
            throw new InvalidOperationException($"{file} line {number}: an unclosed quote.");
        End();
        if (words.Count > 0)
            commands.Add([.. words]);
        return new WalkthroughLine(number, text.Trim(), commands, comment);

        void End()
        {
            if (inWord)
                words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }
}
