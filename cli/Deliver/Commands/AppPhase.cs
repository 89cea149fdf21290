using System.Globalization;
using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>An app's release phase in one word, as status shows it first.</summary>
internal static class AppPhase
{
    public const string Stable = "STABLE";
    public const string Staged = "STAGED";
    public const string Canary = "CANARY";
    public const string RolledBack = "ROLLED BACK";
    public const string Frozen = "FROZEN";

    /// <param name="rolledBack">The app's latest live change was a rollback.</param>
    /// <param name="rollbackTarget">The version a rollback returns to (null without one or without history): an idle slot holding it is the way back, not a staged build.</param>
    public static string Of(AppConfig app, bool rolledBack, string? rollbackTarget, bool frozen)
    {
        var phase = Phase(app, rolledBack, rollbackTarget);
        return !frozen ? phase : phase == Stable ? Frozen : $"{phase}, {Frozen}";
    }

    private static string Phase(AppConfig app, bool rolledBack, string? rollbackTarget)
    {
        if (Strategies.IsRolling(app) || app.LiveSlot is not { } live)
            return rolledBack ? RolledBack : Stable;
        var idle = Slots.Version(app, Slots.Other(live));
        if (idle.Length > 0 && app.CanaryWeight > 0)
            return $"{Canary} {app.CanaryWeight.ToString(CultureInfo.InvariantCulture)}%";
        if (idle.Length > 0 && idle != Slots.Version(app, live) && idle != rollbackTarget)
            return Staged;
        return rolledBack ? RolledBack : Stable;
    }
}
