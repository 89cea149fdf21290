using Delivery.Core.Model;

namespace Delivery.Core.Release.History;

/// <summary>What one app runs at one version of a stack file, as far as releases go (a rolling app: live <see cref="Slot.Rolling"/>, with its version and release).</summary>
public sealed record AppSnapshot(string Blue, string Green, Slot Live, int CanaryWeight, string HotfixReason, string BlueRelease, string GreenRelease, string RollingVersion = "", string RollingRelease = "")
{
    public bool Rolling => Live == Slot.Rolling;

    /// <summary>The other slot; a rolling app has none.</summary>
    public Slot Idle => Slots.Other(Live);

    public string Version(Slot slot) => slot switch { Slot.Blue => Blue, Slot.Green => Green, _ => RollingVersion };

    public string Release(Slot slot) => slot switch { Slot.Blue => BlueRelease, Slot.Green => GreenRelease, _ => RollingRelease };

    public string LiveVersion => Version(Live);

    public string IdleVersion => Version(Idle);
}

/// <summary>A stack's release-relevant state at one version of its file.</summary>
public sealed record StackSnapshot(IReadOnlyDictionary<string, AppSnapshot> Apps, bool Frozen, string FreezeReason);
