using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// The keys of <c>apps.&lt;name&gt;</c> as typed in <c>pulumi config set --path</c>, derived from
/// <see cref="AppConfig"/>'s property names (the binder matches them the same way), so renaming a
/// property renames the key in every rule, freeze, ladder and release edit at once.
/// </summary>
public static class AppKeys
{
    public static readonly string Blue = Key(nameof(AppConfig.Blue));
    public static readonly string Green = Key(nameof(AppConfig.Green));
    public static readonly string Live = Key(nameof(AppConfig.Live));
    public static readonly string CanaryWeight = Key(nameof(AppConfig.CanaryWeight));
    public static readonly string HotfixReason = Key(nameof(AppConfig.HotfixReason));
    public static readonly string Version = Key(nameof(AppConfig.Version));
    public static readonly string IdleReplicas = Key(nameof(AppConfig.IdleReplicas));
    public static readonly string Replicas = Key(nameof(AppConfig.Replicas));
    public static readonly string Strategy = Key(nameof(AppConfig.Strategy));

    /// <summary>What a release step changes: the slots' versions, live, the canary weight, a hotfix's reason, a rolling app's version.</summary>
    public static readonly IReadOnlyList<string> Release = [Blue, Green, Live, CanaryWeight, HotfixReason, Version];

    /// <summary><c>apps.&lt;app&gt;</c>.</summary>
    public static ConfigPath App(string app) => ConfigPath.Root("apps").Key(app);

    /// <summary>The key of a slot's version: <c>blue</c> or <c>green</c>.</summary>
    public static string Of(Slot slot) => slot switch
    {
        Slot.Blue => Blue,
        Slot.Green => Green,
        _ => Version,
    };

    private static string Key(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
