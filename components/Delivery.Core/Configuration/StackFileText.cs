using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Delivery.Core.Configuration;

/// <summary>
/// Checks on a stack file's text before it is built into a YAML tree: its size, NUL bytes (a file
/// cut off and padded), and how deep its maps and lists nest, counted on the parser's flat stream of
/// events, since building the tree recurses once per level and deep junk would overflow the stack.
/// </summary>
public static class StackFileText
{
    /// <summary>A stack of 2,000 apps is about 1 MiB; far beyond that it is not config.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    /// <summary>The model nests 5 levels under config (apps.api.autoscaling.maxReplicas); 32 leaves room for any real file.</summary>
    public const int MaxDepth = 32;

    /// <summary>Values (keys and scalars) after aliases are expanded: a real stack of 2,000 apps holds about 50,000.</summary>
    public const int MaxValues = 100_000;

    /// <summary>A file's text, but no more than one character past the limit, so a huge file costs nothing to refuse.</summary>
    public static string ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        var text = new System.Text.StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while (text.Length <= MaxCharacters && (read = reader.Read(buffer, 0, buffer.Length)) > 0)
            text.Append(buffer, 0, read);
        return text.ToString();
    }

    /// <summary>The first problem with the text, or null when it may be built into a tree.</summary>
    public static string? Problem(string yaml)
    {
        if (yaml.Length > MaxCharacters)
            return $"the file is larger than {MaxCharacters / 1024 / 1024} MiB; a stack file is config, not data.";
        var nul = yaml.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var (line, column) = Position(yaml, nul);
            return $"the file holds NUL bytes from line {line}, column {column}: it was cut off or is not text.";
        }
        return TooDeep(yaml);
    }

    /// <summary>The first line indented with a tab, if any (YAML's own error points elsewhere).</summary>
    public static int? FirstTabIndentedLine(string yaml)
    {
        var line = 1;
        var atIndentation = true;
        foreach (var character in yaml)
        {
            if (character == '\n')
            {
                line++;
                atIndentation = true;
            }
            else if (atIndentation && character == '\t')
                return line;
            else if (character != ' ')
                atIndentation = false;
        }
        return null;
    }

    /// <summary>
    /// Walks the parser's events once: the nesting depth, and the number of values once aliases are
    /// expanded (each anchored node's count is kept, so an alias adds it without being followed).
    /// </summary>
    private static string? TooDeep(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<(string? Anchor, long Values)>();
        var anchored = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                long added = 0;
                switch (parser.Current)
                {
                    case NodeEvent { } start and (MappingStart or SequenceStart):
                        if (open.Count == MaxDepth)
                            return $"the file nests maps and lists more than {MaxDepth} levels deep (at line {start.Start.Line}).";
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 0));
                        continue;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        var (anchor, values) = open.Pop();
                        if (anchor is not null)
                            anchored[anchor] = values;
                        added = values;
                        break;
                    case Scalar scalar:
                        added = 1;
                        if (!scalar.Anchor.IsEmpty)
                            anchored[scalar.Anchor.Value] = 1;
                        break;
                    case AnchorAlias alias:
                        added = anchored.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }
                if (open.Count > 0)
                {
                    var (anchor, values) = open.Pop();
                    open.Push((anchor, values + added));
                }
                else
                    total += added;
                if (total + open.Sum(o => o.Values) > MaxValues)
                    return $"the file holds more than {MaxValues} values (aliases multiply them); a stack file is config, not data.";
            }
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException)
        {
            // Not valid YAML: building the tree reports it with its place.
        }
        return null;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return (line, index - lineStart + 1);
    }
}
