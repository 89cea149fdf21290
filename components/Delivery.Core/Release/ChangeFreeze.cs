using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Release;

/// <summary>
/// A frozen stack refuses every change of versions, live slots and canary weights compared with
/// what was deployed before, each refusal naming the freeze's reason. A rollback (see
/// <see cref="RollbackRule"/>) is never held: its live change and its canary reset pass; nor is a
/// lower canary weight, which gives traffic back to the live slot (the release script ends a
/// canary whose switch was refused).
/// </summary>
public static class ChangeFreeze
{
    public static IReadOnlyList<ConfigProblem> Check(DeliveryConfig config, ReleaseState deployed)
    {
        if (!config.Freeze.Enabled)
            return [];
        var problems = new List<ConfigProblem>();
        var current = ReleaseState.Of(config);
        foreach (var name in current.Apps.Keys.Union(deployed.Apps.Keys).Order(StringComparer.Ordinal))
        {
            var now = current.Apps.GetValueOrDefault(name);
            var before = deployed.Apps.GetValueOrDefault(name);
            var app = AppKeys.App(name);
            if (now is null || before is null)
            {
                problems.Add(Refusal(app, null, now is null ? "removing an app" : "adding an app", config.Freeze.Reason));
                continue;
            }
            var rollback = RollbackRule.IsRollback(before, now);
            foreach (var (key, was, @is) in new[]
                     {
                         (AppKeys.Blue, before.Blue, now.Blue),
                         (AppKeys.Green, before.Green, now.Green),
                         (AppKeys.Live, before.Live, now.Live),
                         (AppKeys.CanaryWeight, Text(before.CanaryWeight), Text(now.CanaryWeight)),
                         (AppKeys.Version, before.Version ?? "", now.Version ?? ""),
                     })
            {
                var liveKey = key == AppKeys.Live || (key == AppKeys.Version && now.Rolling);
                if (was == @is || (rollback && liveKey) || (key == AppKeys.CanaryWeight && now.CanaryWeight < before.CanaryWeight))
                    continue;
                problems.Add(Refusal(app.Key(key), @is, $"changing it from \"{was}\"", config.Freeze.Reason, liveKey ? RollbackRule.Hint(before) : ""));
            }
        }
        return problems;
    }

    private static ConfigProblem Refusal(ConfigPath path, string? value, string change, string reason, string hint = "") =>
        ConfigProblem.Error(path, value, $"the stack is frozen ({reason}); {change} is refused.{hint}",
            "revert the change, or lift the freeze first and alone: deliver unfreeze (or pulumi config set --path delivery-platform:freeze.enabled false), deployed before this change (I4).");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
