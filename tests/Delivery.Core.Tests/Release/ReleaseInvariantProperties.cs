using System.Globalization;
using CsCheck;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

/// <summary>
/// The release invariants as properties over random sequences of what a team does to dev → staging
/// → prod: deliver steps (promote, canary, switch, rollback; each run through the guard against the
/// stack file's own state, as deliver does), hand edits of the release keys and the freeze, git
/// merges of two steps taken from the same base, and deploys that CI runs, cancels or has refused
/// (pulumi up: the guard against what is deployed, with the upstream's deployed live versions).
/// After every accepted deploy an oracle, written apart from the guard, checks what reached traffic:
/// I1 nothing takes traffic that upstream does not run live or has not left by a release (not a
/// rollback) within the tier's window, counted from upstream's own log of live changes (but under a
/// hotfix reason in force); I2 a
/// version goes live only from the slot that held it (or as the rollback); I3 a canary never points
/// at a build staged in the same deploy; I4 a deploy that loosens the rules (freeze lifted, upstream
/// dropped, hotfix reason set) changes no release; I6 the rollback to the last good version always passes. A failure is shrunk to a minimal sequence
/// and printed with its seed (CsCheck). The merge is per key, which merges more than git's
/// line-based merge does, so the walk-arounds it finds are a superset of git's.
/// </summary>
public sealed class ReleaseInvariantProperties
{
    /// <summary>Sequences per run: enough for CI in seconds; DELIVERY_PROPERTY_ITERATIONS asks for more.</summary>
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("DELIVERY_PROPERTY_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 300;

    private static readonly string[] Versions = ["1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0", "1.7.0"];
    private static readonly string[] Stacks = ["dev", "staging", "prod"];
    private static readonly string[] EditKeys = ["apps:api:blue", "apps:api:green", "apps:api:live", "apps:api:canaryWeight", "freeze:enabled", "upstream", "apps:api:hotfixReason"];

    public abstract record Step;

    public sealed record Promote(int Stack, int Version) : Step;

    public sealed record Canary(int Stack, int Weight) : Step;

    public sealed record Switch(int Stack) : Step;

    public sealed record Rollback(int Stack) : Step;

    public sealed record Edit(int Stack, int Key, int Value) : Step;

    /// <summary>Two steps from the same stack file, committed on two branches and merged.</summary>
    public sealed record Merge(Step A, Step B) : Step;

    /// <summary>CI runs pulumi up for the stack's committed file (a cancelled run is a deploy that never happens).</summary>
    public sealed record Deploy(int Stack) : Step;

    /// <summary>
    /// A whole release, each step deployed: promote, deploy, switch, deploy, and maybe a rollback
    /// deployed, so that short sequences reach past the ladder's window and past failed releases.
    /// </summary>
    public sealed record Release(int Stack, int Version, bool RolledBack) : Step;

    private static readonly Gen<int> StackGen = Gen.Int[0, 2];

    private static readonly Gen<Step> Simple = Gen.OneOf<Step>(
        Gen.Select(StackGen, Gen.Int[0, Versions.Length - 1], (s, v) => (Step)new Promote(s, v)),
        Gen.Select(StackGen, Gen.OneOf(0, 10, 50, 100), (s, w) => (Step)new Canary(s, w)),
        StackGen.Select(s => (Step)new Switch(s)),
        StackGen.Select(s => (Step)new Rollback(s)),
        Gen.Select(StackGen, Gen.Int[0, EditKeys.Length - 1], Gen.Int[0, 3], (s, k, v) => (Step)new Edit(s, k, v)));

    private static readonly Gen<Step> AnyStep = Gen.Frequency(
        (6, Simple),
        (1, Gen.Select(Simple, Simple, (a, b) => (Step)new Merge(a, b))),
        (2, Gen.Select(StackGen, Gen.Int[0, Versions.Length - 1], Gen.Bool, (s, v, back) => (Step)new Release(s, v, back))),
        (4, StackGen.Select(s => (Step)new Deploy(s))));

    [Fact]
    public void Every_sequence_of_steps_edits_merges_and_deploys_keeps_the_release_invariants()
    {
        var (sequences, downstreamTrafficChanges) = (0, 0);
        AnyStep.Array[1, 30].Sample(steps =>
        {
            sequences++;
            downstreamTrafficChanges += new World().Run(steps);
        }, iter: Iterations, threads: 1);

        // Not vacuous: staging and prod did accept deploys that moved traffic, which the oracle judged.
        Assert.True(downstreamTrafficChanges > 0, $"no deploy below dev changed what takes traffic in {sequences} sequences: they test nothing");
    }

    /// <summary>The three stacks: each one's committed stack file (release keys) and its deployed state.</summary>
    private sealed class World
    {
        /// <summary>Every stack has 1.0.0 in blue and 1.1.0 in green; dev runs 1.1.0, staging and prod still 1.0.0, so a switch downstream is one step away.</summary>
        private readonly Dictionary<string, string?>[] _files = [Initial("green", ""), Initial("blue", Stacks[0]), Initial("blue", Stacks[1])];
        private readonly ReleaseState?[] _deployed = new ReleaseState?[3];

        /// <summary>Per stack, every deployed change of the live version: the version it left, and whether a rollback left it.</summary>
        private readonly List<(string Version, bool Rollback)>[] _departures = [[], [], []];

        /// <summary>How many earlier upstream versions staging and prod take: smaller than the tiers' windows, so that 30 steps reach past them.</summary>
        private static readonly int[] Windows = [0, 1, 0];

        private static Dictionary<string, string?> Initial(string live, string upstream) => new(StringComparer.OrdinalIgnoreCase)
        {
            ["apps:api:blue"] = "1.0.0",
            ["apps:api:green"] = "1.1.0",
            ["apps:api:live"] = live,
            ["apps:api:canaryWeight"] = "0",
            ["freeze:enabled"] = "false",
            ["upstream"] = upstream,
            ["apps:api:hotfixReason"] = "",
        };

        /// <summary>Counts the accepted deploys below dev that changed what takes traffic.</summary>
        private int _downstreamTrafficChanges;

        /// <returns>How many accepted deploys below dev changed what takes traffic.</returns>
        public int Run(Step[] steps)
        {
            // What each stack runs when the sequence starts: its initial file, as deployed before.
            for (var stack = 0; stack < 3; stack++)
                _deployed[stack] = ReleaseState.Of(Load(stack, _files[stack]) ?? throw new InvalidOperationException($"the initial {Stacks[stack]} config does not load"));
            foreach (var step in steps)
                Apply(step);
            return _downstreamTrafficChanges;
        }

        private void Apply(Step step)
        {
            switch (step)
            {
                case Deploy d:
                    DeployStack(d.Stack);
                    break;
                case Release r:
                    Step[] parts = [new Promote(r.Stack, r.Version), new Deploy(r.Stack), new Switch(r.Stack), new Deploy(r.Stack)];
                    foreach (var part in r.RolledBack ? [.. parts, new Rollback(r.Stack), new Deploy(r.Stack)] : parts)
                        Apply(part);
                    break;
                case Merge m when StackOf(m.A) == StackOf(m.B):
                    var stack = StackOf(m.A);
                    var baseFile = _files[stack];
                    var a = Take(m.A, baseFile);
                    var b = Take(m.B, baseFile);
                    _files[stack] = MergeKeys(baseFile, a, b) ?? baseFile;
                    break;
                case Merge m:
                    Apply(m.A);
                    Apply(m.B);
                    break;
                default:
                    _files[StackOf(step)] = Take(step, _files[StackOf(step)]);
                    break;
            }
        }

        private static int StackOf(Step step) => step switch
        {
            Promote p => p.Stack,
            Canary c => c.Stack,
            Switch s => s.Stack,
            Rollback r => r.Stack,
            Edit e => e.Stack,
            Deploy d => d.Stack,
            Release r => r.Stack,
            Merge m => StackOf(m.A),
            _ => throw new InvalidOperationException(),
        };

        /// <summary>The file after the step; a refused deliver step leaves it as it was.</summary>
        private Dictionary<string, string?> Take(Step step, Dictionary<string, string?> file)
        {
            var stack = StackOf(step);
            if (step is Edit edit)
            {
                var key = EditKeys[edit.Key];
                string[] values = key switch
                {
                    "apps:api:live" => ["blue", "green", "blue", "green"],
                    "apps:api:canaryWeight" => ["0", "10", "50", "100"],
                    "freeze:enabled" => ["true", "false", "true", "false"],
                    // Drop the upstream, or put back the one the stack starts with.
                    "upstream" => ["", stack == 0 ? "" : Stacks[stack - 1], "", stack == 0 ? "" : Stacks[stack - 1]],
                    "apps:api:hotfixReason" => ["", "CVE-2026-1", "", "incident 42"],
                    _ => Versions,
                };
                return new Dictionary<string, string?>(file, StringComparer.OrdinalIgnoreCase) { [key] = values[edit.Value] };
            }
            var loaded = Load(stack, file);
            if (loaded is null)
                return file;
            ReleaseEdit change;
            try
            {
                change = step switch
                {
                    Promote p => ReleaseOperations.Promote(loaded, "api", Versions[p.Version]),
                    Canary c => ReleaseOperations.Canary(loaded, "api", c.Weight),
                    Switch => ReleaseOperations.Switch(loaded, "api"),
                    Rollback => RollbackOf(stack, loaded),
                    _ => throw new InvalidOperationException(),
                };
            }
            catch (ReleaseRefusedException)
            {
                return file;
            }
            var next = new Dictionary<string, string?>(file, StringComparer.OrdinalIgnoreCase);
            foreach (var (path, value) in change.Changes)
                next[path.ToString()["delivery-platform:".Length..].Replace('.', ':')] = value;
            var nextConfig = Load(stack, next);
            // deliver judges a step against the stack file's own state (its history), not the cluster.
            var ownState = ReleaseState.After(loaded, _deployed[stack]);
            return nextConfig is not null && !ReleaseGuard.Check(nextConfig, ownState, step is Rollback ? null : Vouched(stack)).Any(p => p.IsError) ? next : file;
        }

        /// <summary>deliver rollback: live back to the deployed previous live slot, if it still holds that version.</summary>
        private ReleaseEdit RollbackOf(int stack, DeliveryConfig loaded)
        {
            var deployed = _deployed[stack]?.Apps["api"];
            if (deployed is null || deployed.PreviousLiveVersion.Length == 0 || deployed.VersionIn(deployed.PreviousLiveSlot) != deployed.PreviousLiveVersion)
                throw new ReleaseRefusedException("no rollback target");
            return new ReleaseEdit("rollback", [(AppKeys.App("api").Key(AppKeys.Live), deployed.PreviousLiveSlot), (AppKeys.App("api").Key(AppKeys.CanaryWeight), "0")]);
        }

        private void DeployStack(int stack)
        {
            var config = Load(stack, _files[stack]);
            if (config is null)
                return;
            var before = _deployed[stack];
            var upstream = Vouched(stack);
            if (ReleaseGuard.Check(config, before, upstream).Any(p => p.IsError))
                return;
            var after = ReleaseState.After(config, before);
            if (before is not null)
            {
                Oracle(stack, before, after, upstream is null ? null : version => RanLiveUpstreamWithinWindow(stack, version));
                if (before.Apps["api"].LiveVersion != after.Apps["api"].LiveVersion)
                    _departures[stack].Add((before.Apps["api"].LiveVersion, IsRollback(before.Apps["api"], after.Apps["api"])));
                if (stack > 0 && (before.Apps["api"].LiveVersion != after.Apps["api"].LiveVersion || before.Apps["api"].CanaryWeight != after.Apps["api"].CanaryWeight))
                    _downstreamTrafficChanges++;
            }
            _deployed[stack] = after;
            RollbackAlwaysPasses(stack);
        }

        private UpstreamReleases? Vouched(int stack) =>
            stack == 0 ? null : UpstreamReleases.Of(_deployed[stack - 1] ?? new ReleaseState(new Dictionary<string, AppReleaseState>()), Windows[stack]);

        /// <summary>
        /// From the upstream's log: the version is live there, or the last time it left live was not a
        /// rollback and fewer than the window of other such versions (not live now) left live after it.
        /// </summary>
        private bool RanLiveUpstreamWithinWindow(int stack, string version)
        {
            var live = _deployed[stack - 1]!.Apps["api"].LiveVersion;
            if (version == live)
                return true;
            var departures = _departures[stack - 1];
            var last = departures.FindLastIndex(d => d.Version == version);
            if (last < 0 || departures[last].Rollback)
                return false;
            var newer = departures.Skip(last + 1).GroupBy(d => d.Version).Count(g => g.Key != live && g.Key != version && !g.Last().Rollback);
            return newer < Windows[stack];
        }

        /// <summary>The deployed rollback: back to the previous live slot, still holding the previous live version.</summary>
        private static bool IsRollback(AppReleaseState before, AppReleaseState after) =>
            before.PreviousLiveVersion.Length > 0 && before.VersionIn(before.PreviousLiveSlot) == before.PreviousLiveVersion
            && after.Live == before.PreviousLiveSlot && after.LiveVersion == before.PreviousLiveVersion && after.LiveVersion != before.LiveVersion;

        /// <summary>I1 to I4 on one accepted deploy, in their own words; <paramref name="vouched"/> null without an upstream.</summary>
        private static void Oracle(int stack, ReleaseState beforeStack, ReleaseState afterStack, Func<string, bool>? vouched)
        {
            var (before, after) = (beforeStack.Apps["api"], afterStack.Apps["api"]);
            var (rulesBefore, rulesAfter) = (beforeStack.Rules!, afterStack.Rules!);
            var rollback = IsRollback(before, after);
            var idle = after.Live == "blue" ? "green" : "blue";
            var canary = after.CanaryWeight > 0 ? after.VersionIn(idle) : "";
            var hadTraffic = new HashSet<string> { before.LiveVersion };
            if (before.CanaryWeight > 0)
                hadTraffic.Add(before.VersionIn(before.Live == "blue" ? "green" : "blue"));
            foreach (var version in new[] { after.LiveVersion, canary }.Where(v => v.Length > 0))
            {
                if (vouched is not null && rulesBefore.Upstream.Length > 0 && !hadTraffic.Contains(version) && !rollback && !rulesBefore.HotfixReasons.ContainsKey("api"))
                    Assert.True(vouched(version), $"I1: {Stacks[stack]} sends traffic to {version}, which its upstream does not run live nor left by a release within {Windows[stack]} releases");
            }
            Assert.True(rollback || after.LiveVersion == before.VersionIn(after.Live), $"I2: {Stacks[stack]} put {after.LiveVersion} live in {after.Live}, which held {before.VersionIn(after.Live)}");
            Assert.True(canary.Length == 0 || canary == before.VersionIn(idle), $"I3: {Stacks[stack]} canaries {canary}, staged in the same deploy");
            var loosened = (rulesBefore.Frozen && !rulesAfter.Frozen) || (rulesBefore.Upstream.Length > 0 && rulesAfter.Upstream != rulesBefore.Upstream)
                           || rulesAfter.HotfixReasons.Any(h => rulesBefore.HotfixReasons.GetValueOrDefault(h.Key) != h.Value);
            var released = after.Blue != before.Blue || after.Green != before.Green || after.CanaryWeight > before.CanaryWeight || (after.LiveVersion != before.LiveVersion && !rollback);
            Assert.False(loosened && released, $"I4: {Stacks[stack]} loosened its rules and released in one deploy");
        }

        /// <summary>I6: from whatever is deployed, the rollback to the last good version passes the guard, frozen or not, whatever upstream runs.</summary>
        private void RollbackAlwaysPasses(int stack)
        {
            var deployed = _deployed[stack]!.Apps["api"];
            if (deployed.PreviousLiveVersion.Length == 0 || deployed.VersionIn(deployed.PreviousLiveSlot) != deployed.PreviousLiveVersion)
                return;
            var file = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["apps:api:blue"] = deployed.Blue,
                ["apps:api:green"] = deployed.Green,
                ["apps:api:live"] = deployed.PreviousLiveSlot,
                ["apps:api:canaryWeight"] = "0",
                ["freeze:enabled"] = "true",
                ["upstream"] = _deployed[stack]!.Rules!.Upstream,
                ["apps:api:hotfixReason"] = _deployed[stack]!.Rules!.HotfixReasons.GetValueOrDefault("api", ""),
            };
            var config = Load(stack, file)!;
            var problems = ReleaseGuard.Check(config, _deployed[stack], Vouched(stack)).Where(p => p.IsError).ToList();
            Assert.True(problems.Count == 0, $"I6: the rollback of {Stacks[stack]} to {deployed.PreviousLiveVersion} is refused: {string.Join("; ", problems)}");
        }

        /// <summary>A per-key three-way merge; null where both sides changed a key differently (a conflict: nothing merges).</summary>
        private static Dictionary<string, string?>? MergeKeys(Dictionary<string, string?> baseFile, Dictionary<string, string?> a, Dictionary<string, string?> b)
        {
            var merged = new Dictionary<string, string?>(baseFile, StringComparer.OrdinalIgnoreCase);
            foreach (var key in baseFile.Keys)
            {
                var (inA, inB) = (a[key] != baseFile[key], b[key] != baseFile[key]);
                if (inA && inB && a[key] != b[key])
                    return null;
                merged[key] = inA ? a[key] : b[key];
            }
            return merged;
        }

        private static DeliveryConfig? Load(int stack, Dictionary<string, string?> file)
        {
            var entries = TestConfigs.ValidDev().With([.. file.Select(e => (e.Key, e.Value == "" ? null : e.Value)),
                ("freeze:reason", file["freeze:enabled"] == "true" ? "incident" : null),
                ("apps:web:blue", null), ("apps:web:live", null), ("apps:web:image", null), ("apps:api:callers:0", null)]);
            var loaded = TestConfigs.Load(entries, stackName: Stacks[stack]);
            return loaded.HasErrors ? null : loaded.Config;
        }
    }
}
