using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release.History;

/// <summary>What one app runs at one version of a stack file, as far as releases go.</summary>
public sealed record AppSnapshot(string Blue, string Green, Slot Live, int CanaryWeight, int IdleReplicas, string HotfixReason, string BlueRelease, string GreenRelease)
{
    public Slot Idle => Slots.Other(Live);

    public string Version(Slot slot) => slot == Slot.Blue ? Blue : Green;

    public string Release(Slot slot) => slot == Slot.Blue ? BlueRelease : GreenRelease;

    public string LiveVersion => Version(Live);

    public string IdleVersion => Version(Idle);
}

/// <summary>A stack's release-relevant state at one version of its file.</summary>
public sealed record StackSnapshot(IReadOnlyDictionary<string, AppSnapshot> Apps, bool Frozen, string FreezeReason, string Upstream)
{
    /// <summary>The snapshot of a valid config (the caller skips versions with errors).</summary>
    public static StackSnapshot Of(DeliveryConfig config) => new(
        config.Apps.Where(a => Slots.Parse(a.Value.Live) is not null).ToDictionary(a => a.Key, a => App(config, a.Value), StringComparer.Ordinal),
        config.Freeze.Enabled,
        config.Freeze.Reason,
        config.Upstream);

    private static AppSnapshot App(DeliveryConfig config, AppConfig app)
    {
        string Release(Slot slot) => Slots.Version(app, slot).Length == 0 ? "" : ReleaseId.Of(config, app, slot);
        return new AppSnapshot(app.Blue, app.Green, Slots.Parse(app.Live)!.Value, app.CanaryWeight, app.IdleReplicas ?? app.Replicas, app.HotfixReason,
            Release(Slot.Blue), Release(Slot.Green));
    }

    /// <summary>The snapshot of one stack file text, or a one-line reason it cannot be read.</summary>
    public static (StackSnapshot? Snapshot, string? Problem) Parse(string text, string stack, string origin)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Parse(text, stack, origin), new Dictionary<string, string>(StringComparer.Ordinal));
        var first = loaded.Errors.FirstOrDefault();
        return first is null
            ? (Of(loaded.Config), null)
            : (null, $"{loaded.Errors.Count()} error{(loaded.Errors.Count() == 1 ? "" : "s")}, first: {first}");
    }
}
