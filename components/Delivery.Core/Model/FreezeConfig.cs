namespace Delivery.Core.Model;

/// <summary>A stack-wide change freeze: versions, live slots and canary weights stay as deployed.</summary>
public sealed class FreezeConfig
{
    public bool Enabled { get; set; }

    /// <summary>Why the stack is frozen; required when enabled, shown with every refusal.</summary>
    public string Reason { get; set; } = "";
}
