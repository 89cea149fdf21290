using Delivery.Core.Configuration;

namespace Delivery.Core.Validation;

/// <summary>What the rules need to know besides the model.</summary>
/// <param name="Profile">The tier's policies, or null when the stack names no valid tier (a rule of its own reports that).</param>
/// <param name="IsOffline">Read from a stack file: secrets may be unknown, and a missing one is only a warning.</param>
public sealed record ValidationContext(string StackName, TierProfile? Profile, bool IsOffline);
