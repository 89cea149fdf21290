using System.Globalization;
using System.Text;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release.History;

/// <summary>
/// Reads the versions of one stack file into snapshots, fast: most release commits change only
/// release keys (slot versions, live, canary weight, hotfix reason, freeze), so the full
/// load and validation (<see cref="DeliveryConfigLoader"/>) runs once per distinct set of the
/// other settings, and a version that differs only in release keys reuses it, with those keys
/// checked on their own (live is blue or green and holds a version, a valid version, a weight 0–100).
/// </summary>
internal sealed class SnapshotReader(string stack)
{
    private static readonly IReadOnlyDictionary<string, string> NoOverrides = new Dictionary<string, string>(StringComparer.Ordinal);
    private static readonly string[] AppReleaseKeys = ["blue", "green", "live", "canaryWeight", "hotfixReason"];

    private readonly Dictionary<string, Base> _baseByOtherSettings = new(StringComparer.Ordinal);

    /// <summary>A loaded config for one set of the other settings, and the release ids it gives (app, version) → id.</summary>
    private sealed record Base(DeliveryConfig Config, Dictionary<(string App, string Version), string> ReleaseIds);

    /// <summary>Parses a stack file text (pure, so callers may parse many in parallel).</summary>
    public StackConfig Parse(string text, string origin) => StackFileReader.Parse(text, stack, origin);

    /// <summary>The snapshot of one parsed stack file text, or a one-line reason it cannot be read.</summary>
    public (StackSnapshot? Snapshot, string? Problem) Read(StackConfig stackConfig)
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
            if (loaded.HasErrors)
                return (null, Problem(loaded.Errors.ToList()));
            _baseByOtherSettings[key] = @base = new Base(loaded.Config, []);
        }
        return Snapshot(@base, release);
    }

    private static (StackSnapshot?, string?) Snapshot(Base @base, Dictionary<string, string> release)
    {
        var config = @base.Config;
        var apps = new Dictionary<string, AppSnapshot>(StringComparer.Ordinal);
        foreach (var (name, app) in config.Apps)
        {
            string Value(string field) => release.GetValueOrDefault($"apps:{name}:{field}") ?? "";
            var blue = Value("blue");
            var green = Value("green");
            var live = Slots.Parse(Value("live"));
            if (live is null)
                return (null, $"apps.{name}.live = \"{Value("live")}\" is not blue or green.");
            var weightText = Value("canaryWeight");
            var weight = weightText.Length == 0 ? 0 : int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w <= 100 ? w : -1;
            if (weight < 0)
                return (null, $"apps.{name}.canaryWeight = \"{weightText}\" is not a percentage.");
            var liveVersion = live == Slot.Blue ? blue : green;
            if (liveVersion.Length == 0)
                return (null, $"apps.{name}: the live {Slots.Name(live.Value)} slot has no version.");
            foreach (var version in new[] { blue, green })
            {
                if (version.Length > 0 && !Versions.IsDockerTag(version) && !Versions.IsDigest(version))
                    return (null, $"apps.{name}: \"{version}\" is not a version.");
            }
            string Release(string version)
            {
                if (version.Length == 0)
                    return "";
                if (!@base.ReleaseIds.TryGetValue((name, version), out var id))
                    @base.ReleaseIds[(name, version)] = id = ReleaseId.Of(config, app, version);
                return id;
            }
            apps[name] = new AppSnapshot(blue, green, live.Value, weight, Value("hotfixReason"), Release(blue), Release(green));
        }
        var frozen = release.GetValueOrDefault("freeze:enabled") is { } enabled && enabled.Equals("true", StringComparison.OrdinalIgnoreCase);
        return (new StackSnapshot(apps, frozen, release.GetValueOrDefault("freeze:reason") ?? ""), null);
    }

    private static bool IsReleaseKey(string key)
    {
        var segments = key.Split(':');
        return (segments.Length == 3 && segments[0].Equals("apps", StringComparison.OrdinalIgnoreCase) && AppReleaseKeys.Contains(segments[2], StringComparer.OrdinalIgnoreCase))
               || (segments.Length == 2 && segments[0].Equals("freeze", StringComparison.OrdinalIgnoreCase));
    }

    private static string Problem(IReadOnlyList<ConfigProblem> errors) =>
        $"{errors.Count} error{(errors.Count == 1 ? "" : "s")}, first: {errors[0]}";
}
