namespace Delivery.Core.Model;

/// <summary>One of a blue/green app's two deployment slots, or the single track of a rolling app.</summary>
public enum Slot
{
    Blue,
    Green,

    /// <summary>A rolling app's one Deployment: never live or idle, never parsed from <c>live</c>.</summary>
    Rolling,
}
