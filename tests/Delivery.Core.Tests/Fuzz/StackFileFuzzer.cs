using System.Globalization;
using System.Text;

namespace Delivery.Core.Tests.Fuzz;

/// <summary>
/// Seeded generator of stack files a user, an editor or a broken disk could produce: committed
/// stacks with random edits (values of the wrong type and size, spans cut, lines repeated, bytes
/// inserted), random trees over the model's keys, and a few pathological files (deep, long, aliased).
/// The same seed always gives the same files, so a failure is reproduced by its case number.
/// </summary>
internal sealed class StackFileFuzzer(int seed, IReadOnlyList<string> committedStacks)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Keys =
    [
        "environment", "upstream", "protect", "freeze", "enabled", "reason", "cluster", "mode", "kubeconfig", "context", "k3s", "image", "version",
        "apiPort", "tlsSans", "allowK3sOutsideLocal", "registry", "hostPort", "host", "storageSize", "url", "username", "password", "ci", "github",
        "gitlab", "configUrl", "token", "appId", "appInstallationId", "appPrivateKey", "minRunners", "maxRunners", "labels", "runnerGroup",
        "runnerToken", "concurrency", "monitoring", "retentionDays", "grafanaHost", "receivers", "critical", "warning", "info", "webhookUrl",
        "slo", "errorRateTarget", "latencyP95Ms", "apps", "api", "web", "api-blue", "API", "blue", "green", "live", "replicas", "idleReplicas",
        "port", "healthPath", "resources", "cpuRequest", "memoryRequest", "cpuLimit", "memoryLimit", "env", "LOG_LEVEL", "canaryWeight",
        "callers", "egress", "autoscaling", "cpuUtilization", "hotfixReason", "{{ app_name }}", "unknownKey", "secure", "0", "-1", "",
    ];

    private static readonly string[] Scalars =
    [
        "dev", "prod", "local", "staging", "prd", "existing", "k3s-docker", "in-cluster", "docker", "external", "github", "gitlab", "none",
        "blue", "green", "purple", "1.5.0", "1.5.1-4e1f2a9", "latest", "v1.2.3", "sha256:abc", "1.6.0@sha256:" + new string('a', 64),
        "true", "false", "yes", "null", "~", "0", "-1", "80", "70000", "2147483648", "99999999999999999999999999999999", "1e999", "NaN", "-0",
        "0.5", "250m", "512Mi", "1Ei", "79228162514264337593543950335Ei", "lots", "api.example.com", "10.1.2.3", "::1", "API.Example.com",
        "https://x", "10.20.0.0/16:5432", "/healthz", "shop/api", "Shop/API", "\"quoted\"", "'single'", "{}", "[]", "[a, b]", "{a: 1}",
        "&anchor x", "*anchor", "!!binary aGVsbG8=", "!custom x", "|\n  block", ">\n  folded", "\"\\u0000\"", "\"\\t\"", "é ü 日本", "\u200b",
    ];

    private static readonly string[] Fragments =
    [
        "\0", "\t", "\r", "\n", "---\n", "...\n", "- ", ": ", ":", "{", "}", "[", "]", "&a ", "*a", "!!", "%YAML 1.2\n", "#", "'", "\"", "\\",
        "{{ x }}", "\u0001", "\u007f", "\uFEFF", "\uD800", "secure: v1:AAAA", "  ", "\n  - x\n", "? ", "| ", "> ",
    ];

    /// <summary>The next generated file and what kind of case it is (shown when it fails).</summary>
    public (string Kind, string Yaml) Next() => _random.Next(100) switch
    {
        < 55 => ("edited committed stack", Edit(committedStacks[_random.Next(committedStacks.Count)])),
        < 90 => ("random tree", "config:\n" + Tree(1, 4)),
        < 94 => ("random bytes", RandomText(_random.Next(0, 400))),
        < 96 => ("deep nesting", "config:\n  delivery-platform:apps: " + Deep(_random.Next(30, 20_000))),
        < 98 => ("long value", "config:\n  delivery-platform:apps:\n    api:\n      blue: " + new string('9', _random.Next(100, 100_000)) + "\n"),
        _ => ("alias blow-up", Aliases(_random.Next(2, 8))),
    };

    private string Edit(string yaml)
    {
        var text = new StringBuilder(yaml);
        var edits = _random.Next(1, 6);
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var at = _random.Next(text.Length);
            switch (_random.Next(7))
            {
                case 0: // cut a span (a truncated file, a bad merge)
                    text.Remove(at, Math.Min(text.Length - at, _random.Next(1, 80)));
                    break;
                case 1: // insert a fragment of YAML syntax or a control character
                    text.Insert(at, Pick(Fragments));
                    break;
                case 2: // replace the value after a ": " with another scalar
                    var colon = text.ToString().IndexOf(": ", at, StringComparison.Ordinal);
                    if (colon >= 0)
                    {
                        var end = text.ToString().IndexOf('\n', colon);
                        end = end < 0 ? text.Length : end;
                        text.Remove(colon + 2, end - colon - 2).Insert(colon + 2, Pick(Scalars));
                    }
                    break;
                case 3: // repeat a line (a duplicate key, a stray document)
                    var lines = text.ToString().Split('\n');
                    var line = lines[_random.Next(lines.Length)];
                    text.Insert(LineStart(text, at), line + "\n");
                    break;
                case 4: // cut off and pad with NUL bytes
                    text.Length = at;
                    text.Append('\0', _random.Next(0, 64));
                    break;
                case 5: // add a key somewhere, with a random value
                    text.Insert(at, "\n" + new string(' ', _random.Next(0, 8)) + Pick(Keys) + ": " + Pick(Scalars) + "\n");
                    break;
                default: // change indentation of a line
                    var lineStart = LineStart(text, at);
                    if (_random.Next(2) == 0)
                        text.Insert(lineStart, _random.Next(3) == 0 ? "\t" : "  ");
                    else if (lineStart < text.Length && text[lineStart] == ' ')
                        text.Remove(lineStart, 1);
                    break;
            }
        }
        return text.ToString();
    }

    private static int LineStart(StringBuilder text, int at) => at == 0 ? 0 : text.ToString().LastIndexOf('\n', at - 1) + 1;

    private string Tree(int level, int maxDepth)
    {
        var text = new StringBuilder();
        var indent = new string(' ', level * 2);
        var count = _random.Next(0, level == 1 ? 8 : 5);
        for (var i = 0; i < count; i++)
        {
            var key = level == 1 ? (_random.Next(8) == 0 ? "delivery-platfrom:" : "delivery-platform:") + Pick(Keys) : Pick(Keys);
            text.Append(indent).Append(key).Append(':');
            switch (level >= maxDepth ? 0 : _random.Next(5))
            {
                case 0:
                case 1:
                    text.Append(' ').Append(Pick(Scalars).Replace("\n", "\n" + indent + "  ", StringComparison.Ordinal)).Append('\n');
                    break;
                case 2:
                    text.Append('\n');
                    for (var item = _random.Next(0, 4); item > 0; item--)
                        text.Append(indent).Append("  - ").Append(Pick(Scalars).Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
                    break;
                case 3:
                    text.Append('\n').Append(indent).Append("  secure: v1:").Append(Convert.ToBase64String(BitConverter.GetBytes(_random.NextInt64()))).Append('\n');
                    break;
                default:
                    text.Append('\n').Append(Tree(level + 1, maxDepth));
                    break;
            }
        }
        return text.ToString();
    }

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append(_random.Next(4) == 0 ? Pick(Fragments) : ((char)_random.Next(0, 0x3000)).ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private string Deep(int depth) =>
        _random.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth);

    private static string Aliases(int levels)
    {
        var text = new StringBuilder("config:\n  delivery-platform:apps:\n    l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= levels; i++)
            text.Append(CultureInfo.InvariantCulture, $"    l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        return text.ToString();
    }

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];
}
