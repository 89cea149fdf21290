using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// Deterministic YAML for objects and values. Strings are quoted unless plainly safe, because
/// Kubernetes tooling reads YAML 1.1, where <c>yes</c>, <c>on</c>, <c>y</c> or <c>12:30</c> are not
/// strings; multi-line text is written as a literal block.
/// </summary>
public static partial class YamlWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithIndentedSequences()
        .WithEventEmitter(inner => new QuotingEmitter(inner))
        .Build();

    public static string Write(object value) => Serializer.Serialize(value);

    /// <summary>Objects as one multi-document stream, in the given order.</summary>
    public static string WriteAll(IEnumerable<KubernetesObject> objects) =>
        string.Join("", objects.Select(o => "---\n" + Write(o.Body)));

    private static readonly HashSet<string> Yaml11Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    private sealed class QuotingEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text)
            {
                if (text.Contains('\n', StringComparison.Ordinal) && !HasTrailingSpace().IsMatch(text))
                    eventInfo.Style = ScalarStyle.Literal;
                else if (!SafePlain().IsMatch(text) || Yaml11Words.Contains(text))
                    eventInfo.Style = ScalarStyle.DoubleQuoted;
            }
            base.Emit(eventInfo, emitter);
        }
    }

    // Starts with a letter or '/', no characters YAML gives meaning to, not a number or a time.
    [GeneratedRegex(@"^[A-Za-z/][A-Za-z0-9_./-]*$")]
    private static partial Regex SafePlain();

    [GeneratedRegex(@"[ \t]\n|[ \t]$")]
    private static partial Regex HasTrailingSpace();
}
