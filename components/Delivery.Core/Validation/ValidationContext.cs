using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>What the rules need to know besides the model.</summary>
/// <param name="IsOffline">Read from a stack file: secrets may be unknown, and a missing one is only a warning.</param>
public sealed record ValidationContext(string StackName, Tier? Tier, bool IsOffline)
{
    /// <summary>The tier's policies, or null when the stack names no valid tier.</summary>
    public TierProfile? Profile => Tier is { } tier ? TierProfile.For(tier) : null;
}
