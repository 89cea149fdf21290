using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

/// <summary>docs/configuration.md's per-tier tables say what TierProfile (and the defaults it feeds) say.</summary>
public sealed partial class TierProfileTests
{
    private static readonly Tier[] AllTiers = [Tier.Local, Tier.Dev, Tier.Staging, Tier.Prod];

    private static string[] Reference() => File.ReadAllLines(Path.Combine(TestRepository.Root(), "docs", "configuration.md"));

    private static string[] Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];

    [Fact]
    public void The_policy_table_has_a_row_for_every_policy_with_each_tiers_value()
    {
        var rows = Reference().SkipWhile(line => !line.StartsWith("| policy | local | dev | staging | prod |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(line => line.StartsWith('|')).ToList();
        var policies = typeof(TierProfile).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(bool) || p.Name is nameof(TierProfile.MinimumAppReplicas) or nameof(TierProfile.UpstreamWindow)).ToList();

        Assert.Equal(policies.Select(p => p.Name).Order(StringComparer.Ordinal), rows.Select(row => PolicyName().Match(row).Groups[1].Value).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var property = typeof(TierProfile).GetProperty(PolicyName().Match(row).Groups[1].Value)!;
            var cells = Cells(row);
            foreach (var (tier, cell) in AllTiers.Zip(cells.Skip(1)))
            {
                var value = property.GetValue(TierProfile.For(tier));
                Assert.True((value is bool b ? (b ? "yes" : "no") : Convert.ToString(value, CultureInfo.InvariantCulture)) == cell, $"{property.Name} in {tier}: docs/configuration.md says {cell}, TierProfile says {value}");
            }
        }
    }

    [Fact]
    public void Every_default_given_by_tier_is_the_tiers_default()
    {
        var prefix = "";
        var checkedRows = 0;
        foreach (var line in Reference())
        {
            if (line.StartsWith('#'))
                prefix = line.Contains("apps.<name>", StringComparison.Ordinal) ? "apps.app." : "";
            var cells = line.StartsWith('|') ? Cells(line) : [];
            if (cells.Length < 3 || !cells[2].EndsWith(" by tier", StringComparison.Ordinal))
                continue;
            var keys = Keys(prefix, cells[0]);
            var perTier = cells[2][..^" by tier".Length].Split(cells[2].Contains(", ", StringComparison.Ordinal) ? ", " : " / ");
            Assert.Equal(4, perTier.Length);
            foreach (var (tier, values) in AllTiers.Zip(perTier))
            {
                var defaults = TierDefaults.For(TierProfile.For(tier), ["app"]);
                foreach (var (key, value) in keys.Zip(values.Split('/')))
                    Assert.True(defaults[key.Replace('.', ':')] == value.Trim(), $"docs/configuration.md: {key} in {tier} is {value.Trim()}; the default is {defaults[key.Replace('.', ':')]}");
            }
            checkedRows++;
        }
        Assert.True(checkedRows >= 10, $"only {checkedRows} rows of docs/configuration.md give defaults by tier: has the table's format changed?");
    }

    /// <summary><c>`a.b.c` / `d`</c> → a.b.c and a.b.d, under the section's prefix.</summary>
    private static List<string> Keys(string prefix, string cell)
    {
        var names = Backticked().Matches(cell).Select(m => m.Groups[1].Value).ToList();
        var first = prefix + names[0];
        var parent = first[..(first.LastIndexOf('.') + 1)];
        return [first, .. names.Skip(1).Select(name => parent + name)];
    }

    [GeneratedRegex(@"\(`([A-Za-z]+)`\)")]
    private static partial Regex PolicyName();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
