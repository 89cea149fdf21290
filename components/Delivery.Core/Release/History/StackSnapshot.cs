using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release.History;

/// <summary>What one app runs at one version of a stack file, as far as releases go.</summary>
public sealed record AppSnapshot(string Blue, string Green, Slot Live, int CanaryWeight, string HotfixReason, string BlueRelease, string GreenRelease)
{
    public Slot Idle => Slots.Other(Live);

    public string Version(Slot slot) => slot == Slot.Blue ? Blue : Green;

    public string Release(Slot slot) => slot == Slot.Blue ? BlueRelease : GreenRelease;

    public string LiveVersion => Version(Live);

    public string IdleVersion => Version(Idle);
}

/// <summary>A stack's release-relevant state at one version of its file.</summary>
public sealed record StackSnapshot(IReadOnlyDictionary<string, AppSnapshot> Apps, bool Frozen, string FreezeReason);
