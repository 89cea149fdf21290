using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// Deterministic YAML for the maps, lists and scalars manifests are built from. Strings are quoted
/// unless plainly safe, because Kubernetes tooling reads YAML 1.1, where <c>yes</c>, <c>on</c>,
/// <c>y</c> or <c>12:30</c> are not strings; multi-line text is written as a literal block. A map
/// or list met twice is written once with an anchor (<c>&amp;o0</c>), then as its alias. The tree is
/// walked here and written with YamlDotNet's emitter, with no reflection, so it runs the same
/// under Native AOT, and byte for byte as YamlDotNet's serializer did (release ids hash it).
/// </summary>
public static partial class YamlWriter
{
    private static readonly EmitterSettings Settings = EmitterSettings.Default.WithIndentedSequences();

    /// <summary>Numbers as YAML writes them: invariant, with YAML's names for infinity and NaN.</summary>
    private static readonly NumberFormatInfo Numbers = new()
    {
        NaNSymbol = ".nan",
        PositiveInfinitySymbol = ".inf",
        NegativeInfinitySymbol = "-.inf",
    };

    public static string Write(object value)
    {
        var text = new StringWriter();
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        new Tree(emitter, Anchors.Of(value)).Node(value);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>Objects as one multi-document stream, in the given order.</summary>
    public static string WriteAll(IEnumerable<KubernetesObject> objects) =>
        string.Join("", objects.Select(o => "---\n" + Write(o.Body)));

    private static readonly HashSet<string> Yaml11Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    /// <summary>Writes one tree; each anchored node is written in full once, then as its alias.</summary>
    private sealed class Tree(IEmitter emitter, IReadOnlyDictionary<object, AnchorName> anchors)
    {
        private readonly HashSet<object> _written = new(ReferenceEqualityComparer.Instance);

        public void Node(object? value)
        {
            if (Scalar(value) is { } scalar)
            {
                emitter.Emit(scalar);
                return;
            }
            switch (value)
            {
                case IEnumerable when anchors.TryGetValue(value, out var alias) && !_written.Add(value):
                    emitter.Emit(new AnchorAlias(alias));
                    break;
                case IDictionary map:
                    emitter.Emit(new MappingStart(anchors.GetValueOrDefault(map), null, isImplicit: true, MappingStyle.Any));
                    foreach (DictionaryEntry entry in map)
                    {
                        Node(entry.Key);
                        Node(entry.Value);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
                case IEnumerable items:
                    emitter.Emit(new SequenceStart(anchors.GetValueOrDefault(items), null, isImplicit: true, SequenceStyle.Any));
                    foreach (var item in items)
                        Node(item);
                    emitter.Emit(new SequenceEnd());
                    break;
                default:
                    throw new ArgumentException($"YAML is written from maps, lists and scalars; a {value?.GetType().Name} is none of them.", nameof(value));
            }
        }
    }

    /// <summary>A scalar value as written (text and style); null for a map, a list or an unknown type.</summary>
    internal static Scalar? Scalar(object? value) => value switch
    {
        null => Scalar("", ScalarStyle.Plain),
        string text => Scalar(text, StyleOf(text)),
        bool flag => Scalar(flag ? "true" : "false", ScalarStyle.Plain),
        double number => Scalar(number.ToString("G", Numbers), ScalarStyle.Plain),
        float number => Scalar(number.ToString("G", Numbers), ScalarStyle.Plain),
        Enum named => Scalar(named.ToString(), ScalarStyle.Any),
        int or long or short or byte or sbyte or uint or ulong or ushort or decimal => Scalar(Convert.ToString(value, Numbers)!, ScalarStyle.Plain),
        _ => null,
    };

    private static Scalar Scalar(string value, ScalarStyle style) =>
        new(anchor: null, tag: null, value, style, isPlainImplicit: true, isQuotedImplicit: true);

    private static ScalarStyle StyleOf(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && !HasTrailingSpace().IsMatch(text))
            return ScalarStyle.Literal;
        return !SafePlain().IsMatch(text) || Yaml11Words.Contains(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
    }

    // Starts with a letter or '/', no characters YAML gives meaning to, not a number or a time.
    [GeneratedRegex(@"^[A-Za-z/][A-Za-z0-9_./-]*$")]
    private static partial Regex SafePlain();

    [GeneratedRegex(@"[ \t]\n|[ \t]$")]
    private static partial Regex HasTrailingSpace();
}
