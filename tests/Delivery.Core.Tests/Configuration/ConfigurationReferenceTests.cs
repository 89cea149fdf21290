using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

/// <summary>
/// docs/configuration.md documents exactly the keys the config schema accepts: every key of
/// <see cref="DeliveryConfig"/> (as <see cref="ConfigSchema"/> walks it) has a row, and no row names a
/// key that does not exist.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    private static string[] Reference() => File.ReadAllLines(Path.Combine(TestRepository.Root(), "docs", "configuration.md"));

    [Fact]
    public void Every_schema_key_is_documented_and_every_documented_key_exists()
    {
        var schema = SchemaKeys(typeof(DeliveryConfig), "").ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedKeys(Reference()).ToHashSet(StringComparer.Ordinal);

        var undocumented = schema.Except(documented).Order(StringComparer.Ordinal).ToList();
        var unknown = documented.Except(schema).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, $"docs/configuration.md has no row for: {string.Join(", ", undocumented)}");
        Assert.True(unknown.Count == 0, $"docs/configuration.md documents keys the schema does not have: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void A_key_cell_reads_as_the_keys_it_names()
    {
        Assert.Equal(["apps.<>.resources.cpuRequest", "apps.<>.resources.cpuLimit"], KeysOf("apps.<>.", "`resources.cpuRequest` / `cpuLimit`"));
        Assert.Equal(["apps.<>.verify.minRequests", "apps.<>.verify.window"], KeysOf("apps.<>.", "`verify.minRequests`, `window`"));
        Assert.Equal(["apps.<>.slo.errorRateTarget", "apps.<>.slo.latencyP95Ms"], KeysOf("apps.<>.", "`slo.errorRateTarget`, `slo.latencyP95Ms`"));
        Assert.Equal(["m.r.a.kind", "m.r.b.kind"], KeysOf("", "`m.r.<a\\|b>.kind`"));
        Assert.Equal(["apps.<>.env.<>"], KeysOf("apps.<>.", "`env.<NAME>`"));
    }

    /// <summary>Every key path of the model: maps as <c>&lt;&gt;</c>, lists and single values as leaves.</summary>
    private static IEnumerable<string> SchemaKeys(Type type, string prefix)
    {
        foreach (var property in ConfigSchema.Properties(type))
        {
            var key = prefix + ConfigSchema.KeyName(property);
            var valueType = property.PropertyType;
            if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                key += ".<>";
                valueType = valueType.GetGenericArguments()[1];
            }
            if (IsObject(valueType))
            {
                foreach (var nested in SchemaKeys(valueType, key + "."))
                    yield return nested;
            }
            else
            {
                yield return key;
            }
        }
    }

    private static bool IsObject(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return false;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return !(underlying.IsPrimitive || underlying == typeof(string) || underlying == typeof(SecretValue));
    }

    /// <summary>The keys in the first cell of every "| key |" table, under the section's prefix (<c>apps.&lt;name&gt;</c>).</summary>
    private static IEnumerable<string> DocumentedKeys(string[] lines)
    {
        var prefix = "";
        var inKeyTable = false;
        foreach (var line in lines)
        {
            if (line.StartsWith('#'))
                prefix = line.Contains("`apps.<name>`", StringComparison.Ordinal) ? "apps.<>." : "";
            if (!line.StartsWith('|'))
            {
                inKeyTable = false;
                continue;
            }
            var first = Cells(line)[0];
            if (first == "key")
            {
                inKeyTable = true;
                continue;
            }
            if (!inKeyTable || first.StartsWith("---", StringComparison.Ordinal))
                continue;
            foreach (var key in KeysOf(prefix, first))
                yield return key;
        }
    }

    /// <summary>
    /// <c>`a.b.c` / `d`</c> names a.b.c and a.b.d: a name without a dot is a sibling of the first;
    /// one with a dot is under the section's prefix. <c>&lt;x\|y&gt;</c> is each of x and y, any other
    /// <c>&lt;…&gt;</c> a map's key.
    /// </summary>
    private static List<string> KeysOf(string prefix, string cell)
    {
        var names = Backticked().Matches(cell).Select(m => m.Groups[1].Value.Replace("\\|", "|", StringComparison.Ordinal)).ToList();
        var first = prefix + names[0];
        var sibling = first[..(first.LastIndexOf('.') + 1)];
        return [.. names.Select((name, i) => i == 0 ? first : name.Contains('.', StringComparison.Ordinal) ? prefix + name : sibling + name).SelectMany(Expand)];
    }

    private static IEnumerable<string> Expand(string key)
    {
        var choice = Choice().Match(key);
        if (choice.Success)
            return choice.Groups[1].Value.Split('|').SelectMany(option => Expand(key[..choice.Index] + option + key[(choice.Index + choice.Length)..]));
        return [Placeholder().Replace(key, "<>")];
    }

    private static string[] Cells(string row) => [.. CellSeparator().Split(row.Trim().Trim('|')).Select(cell => cell.Trim())];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"<([^<>]*\|[^<>]*)>")]
    private static partial Regex Choice();

    [GeneratedRegex("<[^<>|]*>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();
}
