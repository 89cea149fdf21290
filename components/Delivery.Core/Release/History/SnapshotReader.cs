using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Delivery.Core.Apps;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Validation;

namespace Delivery.Core.Release.History;

/// <summary>
/// Reads the versions of one stack file into snapshots, fast: most release commits change only
/// release keys (slot versions, a rolling app's version, live, canary weight, hotfix reason, freeze), so the full
/// load and validation (<see cref="DeliveryConfigLoader"/>) runs once per distinct set of the
/// other settings, and a version that differs only in release keys reuses it, with those keys
/// checked on their own (live is blue or green and holds a version, a rolling app has one, a valid version, a weight 0–100).
/// A version whose only changed lines (against the last valid one, same line count) are plain
/// release values of <c>delivery-platform:apps.&lt;app&gt;</c> or <c>delivery-platform:freeze</c>
/// is not even parsed as YAML: its entries are the last ones with those values replaced. Anything
/// else (quotes, comments, moved or nested keys) takes the full path, as does a reader's first text.
/// </summary>
internal sealed partial class SnapshotReader(string stack)
{
    private static readonly IReadOnlyDictionary<string, string> NoOverrides = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly Dictionary<string, Base> _baseByOtherSettings = new(StringComparer.Ordinal);

    /// <summary>A loaded config for one set of the other settings, what its rules know, and the release ids it gives (app, version) → id.</summary>
    private sealed record Base(ValidStack Stack, ValidationContext Context, Dictionary<(string App, string Version), string> ReleaseIds);

    /// <summary>The last valid version: its lines, its release entries and its base.</summary>
    private (string[] Lines, Dictionary<string, string> Release, Base Base, StackSnapshot Snapshot)? _last;

    /// <summary>The snapshot of one stack file text, or a one-line reason it cannot be read.</summary>
    public (StackSnapshot? Snapshot, string? Problem) Read(string text, string origin)
    {
        var lines = text.Split('\n');
        if (_last is { } last && ChangedReleaseValues(last.Lines, lines) is { } changes)
        {
            var release = new Dictionary<string, string>(last.Release, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in changes)
                release[key] = value;
            // Only the apps whose lines changed need a new snapshot; the others are as they were.
            var changed = changes.Where(c => c.Key.StartsWith("apps:", StringComparison.Ordinal)).Select(c => c.Key.Split(':')[1]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Remember(lines, release, last.Base, (last.Snapshot, changed));
        }
        return ReadFully(StackFileReader.Parse(text, stack, origin), lines);
    }

    private (StackSnapshot?, string?) Remember(string[] lines, Dictionary<string, string> release, Base @base, (StackSnapshot Before, HashSet<string> ChangedApps)? unchanged = null)
    {
        var result = Snapshot(@base, release, unchanged);
        if (result.Item1 is { } snapshot)
            _last = (lines, release, @base, snapshot);
        return result;
    }

    private (StackSnapshot? Snapshot, string? Problem) ReadFully(StackConfig stackConfig, string[] lines)
    {
        if (stackConfig.Problems.FirstOrDefault(p => p.IsError) is { } unreadable)
            return (null, unreadable.ToString());
        var release = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var others = new StringBuilder();
        foreach (var entry in stackConfig.Entries)
        {
            if (IsReleaseKey(entry.Key))
                release[entry.Key] = entry.Value;
            else
                others.Append(entry.Key).Append('=').Append(entry.Secrecy).Append(':').Append(entry.Value).Append('\n');
        }
        var key = others.ToString();
        if (!_baseByOtherSettings.TryGetValue(key, out var @base))
        {
            var loaded = DeliveryConfigLoader.Load(stackConfig, NoOverrides);
            if (loaded.Stack is not { } valid)
                return (null, Problem(loaded.Errors.ToList()));
            _baseByOtherSettings[key] = @base = new Base(valid, new ValidationContext(stack, valid.Profile, IsOffline: true), []);
        }
        return Remember(lines, release, @base);
    }

    /// <summary>The entries the changed lines set, or null when any changed line is not a plain release value.</summary>
    private static List<(string Key, string Value)>? ChangedReleaseValues(string[] before, string[] after)
    {
        if (before.Length != after.Length)
            return null;
        var changes = new List<(string, string)>();
        for (var i = 0; i < after.Length; i++)
        {
            if (before[i] == after[i])
                continue;
            if (ReleaseLine(after, i) is not { } now || ReleaseLine(before, i) is not { } was || !now.Key.Equals(was.Key, StringComparison.OrdinalIgnoreCase))
                return null;
            changes.Add(now);
        }
        return changes;
    }

    /// <summary>Line <paramref name="index"/> as a release entry (<c>apps:&lt;app&gt;:&lt;field&gt;</c>, <c>freeze:&lt;field&gt;</c>), or null.</summary>
    private static (string Key, string Value)? ReleaseLine(string[] lines, int index)
    {
        var field = Field().Match(lines[index]);
        if (!field.Success)
            return null;
        var parent = Parent(lines, index, field.Groups["indent"].Length);
        if (parent is null)
            return null;
        var (parentIndex, parentName, parentIndent) = parent.Value;
        var name = field.Groups["field"].Value;
        var value = field.Groups["value"].Value;
        if (parentIndent == 2 && parentName == $"{DeliveryProject.Name}:freeze" && name is "enabled" or "reason")
            return ($"freeze:{name}", value);
        if (!AppKeys.Release.Contains(name) || Parent(lines, parentIndex, parentIndent) is not (_, var section, 2) || section != $"{DeliveryProject.Name}:apps")
            return null;
        return ($"apps:{parentName}:{name}", value);
    }

    /// <summary>The nearest line above with less indentation (blank and comment lines skipped), if it is a plain "key:" line.</summary>
    private static (int Index, string Name, int Indent)? Parent(string[] lines, int index, int indent)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var trimmed = lines[i].TrimStart(' ');
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            var lineIndent = lines[i].Length - trimmed.Length;
            if (lineIndent >= indent)
                continue;
            var key = Key().Match(lines[i]);
            return key.Success ? (i, key.Groups["name"].Value, lineIndent) : null;
        }
        return null;
    }

    /// <summary>A release field with a plain value: no quotes, comment, spaces or YAML indicators.</summary>
    [GeneratedRegex(@"^(?<indent> +)(?<field>blue|green|live|canaryWeight|hotfixReason|version|enabled|reason): (?<value>[A-Za-z0-9][A-Za-z0-9._:@+-]*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^ *(?<name>[A-Za-z0-9][A-Za-z0-9_.:-]*):$")]
    private static partial Regex Key();

    private static (StackSnapshot?, string?) Snapshot(Base @base, Dictionary<string, string> release, (StackSnapshot Before, HashSet<string> ChangedApps)? unchanged)
    {
        var config = @base.Stack.Config;
        var apps = new Dictionary<string, AppSnapshot>(StringComparer.Ordinal);
        foreach (var (name, app) in config.Apps)
        {
            if (unchanged is { } same && !same.ChangedApps.Contains(name) && same.Before.Apps.TryGetValue(name, out var was))
            {
                apps[name] = was;
                continue;
            }
            string Value(string field) => release.GetValueOrDefault($"apps:{name}:{field}") ?? "";
            string Release(string version)
            {
                if (version.Length == 0)
                    return "";
                if (!@base.ReleaseIds.TryGetValue((name, version), out var id))
                    @base.ReleaseIds[(name, version)] = id = ReleaseId.Of(@base.Stack, name, ImageVersion.Parse(version));
                return id;
            }
            if (Strategies.IsRolling(app))
            {
                var version = Value(AppKeys.Version);
                if (version.Length == 0)
                    return (null, $"apps.{name}: the rolling app has no version.");
                if (VersionRules.Check(AppKeys.App(name).Key(AppKeys.Version), version, @base.Context) is { } wrong)
                    return (null, wrong.ToString());
                apps[name] = new AppSnapshot("", "", Slot.Rolling, 0, Value(AppKeys.HotfixReason), "", "", version, Release(version));
                continue;
            }
            var blue = Value(AppKeys.Blue);
            var green = Value(AppKeys.Green);
            var live = Slots.Parse(Value(AppKeys.Live));
            if (live is null)
                return (null, $"apps.{name}.live = \"{Value(AppKeys.Live)}\" is not blue or green.");
            var weightText = Value(AppKeys.CanaryWeight);
            var weight = weightText.Length == 0 ? 0 : int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w <= 100 ? w : -1;
            if (weight < 0)
                return (null, $"apps.{name}.canaryWeight = \"{weightText}\" is not a percentage.");
            var liveVersion = live == Slot.Blue ? blue : green;
            if (liveVersion.Length == 0)
                return (null, $"apps.{name}: the live {Slots.Name(live.Value)} slot has no version.");
            foreach (var (slot, version) in new[] { (AppKeys.Blue, blue), (AppKeys.Green, green) })
            {
                if (version.Length > 0 && VersionRules.Check(AppKeys.App(name).Key(slot), version, @base.Context) is { } problem)
                    return (null, problem.ToString());
            }
            apps[name] = new AppSnapshot(blue, green, live.Value, weight, Value(AppKeys.HotfixReason), Release(blue), Release(green));
        }
        var frozen = release.GetValueOrDefault("freeze:enabled") is { } enabled && enabled.Equals("true", StringComparison.OrdinalIgnoreCase);
        return (new StackSnapshot(apps, frozen, release.GetValueOrDefault("freeze:reason") ?? ""), null);
    }

    private static bool IsReleaseKey(string key)
    {
        var segments = key.Split(':');
        return (segments.Length == 3 && segments[0].Equals("apps", StringComparison.OrdinalIgnoreCase) && AppKeys.Release.Contains(segments[2], StringComparer.OrdinalIgnoreCase))
               || (segments.Length == 2 && segments[0].Equals("freeze", StringComparison.OrdinalIgnoreCase));
    }

    private static string Problem(IReadOnlyList<ConfigProblem> errors) =>
        $"{errors.Count} error{(errors.Count == 1 ? "" : "s")}, first: {errors[0]}";
}
