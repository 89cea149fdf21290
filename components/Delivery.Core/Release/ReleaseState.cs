using System.Text.Json.Serialization;
using Delivery.Core.Model;
using Delivery.Core.Validation;

namespace Delivery.Core.Release;

/// <summary>What one app runs, as far as releases go: its slot versions, live slot and canary weight.</summary>
public sealed record AppReleaseState(string Blue, string Green, string Live, int CanaryWeight)
{
    [JsonIgnore]
    public string LiveVersion => Slots.Parse(Live) is { } slot ? (slot == Slot.Blue ? Blue : Green) : "";
}

/// <summary>
/// The release state of a whole stack, per app: taken from a config (the one deployed before, or
/// an upstream stack's) and compared by the freeze and the promotion ladder.
/// </summary>
public sealed record ReleaseState(IReadOnlyDictionary<string, AppReleaseState> Apps)
{
    public static ReleaseState Of(DeliveryConfig config) =>
        new(config.Apps.ToDictionary(a => a.Key, a => new AppReleaseState(a.Value.Blue, a.Value.Green, a.Value.Live, a.Value.CanaryWeight), StringComparer.Ordinal));
}
