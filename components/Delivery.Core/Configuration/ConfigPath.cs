using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// A path to one config value. It prints as the key a user passes to
/// <c>pulumi config set --path</c> (<c>delivery-platform:apps.api.callers[0]</c>) and converts to
/// the Microsoft.Extensions.Configuration key the binder reads (<c>apps:api:callers:0</c>).
/// </summary>
public sealed partial record ConfigPath
{
    private readonly ImmutableArray<(string Name, bool IsIndex)> _segments;

    private ConfigPath(ImmutableArray<(string Name, bool IsIndex)> segments) => _segments = segments;

    public static ConfigPath Root(string topLevelKey) => new([(topLevelKey, false)]);

    public ConfigPath Key(string name) => new(_segments.Add((name, false)));

    public ConfigPath Index(int index) => new(_segments.Add((index.ToString(System.Globalization.CultureInfo.InvariantCulture), true)));

    public string ConfigurationKey => string.Join(':', _segments.Select(s => s.Name));

    public override string ToString()
    {
        var text = new System.Text.StringBuilder(DeliveryProject.Name).Append(':').Append(_segments[0].Name);
        foreach (var (name, isIndex) in _segments.Skip(1))
        {
            if (isIndex)
                text.Append('[').Append(name).Append(']');
            else if (PlainSegment().IsMatch(name))
                text.Append('.').Append(name);
            else
                text.Append("[\"").Append(name).Append("\"]");
        }
        return text.ToString();
    }

    public bool Equals(ConfigPath? other) =>
        other is not null && string.Equals(ConfigurationKey, other.ConfigurationKey, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ConfigurationKey);

    // Pulumi's --path syntax needs the ["..."] form for names with dots, brackets or quotes.
    [GeneratedRegex(@"^[^.\[\]""]+$")]
    private static partial Regex PlainSegment();
}
